package dev.facemark.batch.job;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' one Spark session, local[2], shared by every test class of this JVM (a Spark start costs
 * seconds); the batch command joins an active session instead of starting its own, as a notebook would.
 */
final class Spark {
    private Spark() {}

    private static SparkSession session;

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("facemark batch tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
