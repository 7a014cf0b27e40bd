package dev.facemark.batch;

import dev.facemark.batch.cli.BatchCommand;

/** Entry point of the batch jar: {@code java -jar batch.jar --input IN --output OUT}, or the main class for spark-submit. */
public final class BatchMain {
    private BatchMain() {}

    public static void main(String[] args) {
        System.exit(BatchCommand.execute(args, System.out, System.err));
    }
}
