package dev.facemark.tracker;

import dev.facemark.tracker.cli.TrackerCommand;

/** Entry point of the tracker jar: {@code java -jar tracker.jar video|image|live ...}. */
public final class TrackerMain {
    private TrackerMain() {}

    public static void main(String[] args) {
        System.exit(TrackerCommand.execute(args, System.out, System.err));
    }
}
