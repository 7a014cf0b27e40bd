package dev.facemark.tracker.jmh;

/**
 * Runs the micro-benchmarks of this package. The documented way is the {@code jmh} Maven profile
 * (it forks JMH with the test classpath):
 * <pre>mvn -B -o -q -pl tracker -am -Pjmh test-compile</pre>
 * with JMH options in {@code -Djmh.args="..."} (default: all benchmarks here, 1 fork, 3x1 s warm-up,
 * 5x1 s measurement). This main does the same from an IDE.
 */
public final class JmhMain {
    private JmhMain() {}

    public static void main(String[] args) throws Exception {
        String[] a = args.length > 0 ? args : new String[] {"dev.facemark.tracker.jmh", "-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"};
        org.openjdk.jmh.Main.main(a);
    }
}
