package dev.facemark.tracker.bench;

import dev.facemark.tracker.filter.FilterRegistry;
import dev.facemark.tracker.filter.FilterStack;

/**
 * ms per frame of each registered filter on top of the video at a given size (upload + draw +
 * read-back, one synthetic face), for the bench engineer:
 * {@code java -cp ... dev.facemark.tracker.bench.FilterBench [width height frames]}.
 */
public final class FilterBench {
    private FilterBench() {}

    public static void main(String[] args) {
        int w = args.length > 0 ? Integer.parseInt(args[0]) : 1280;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 720;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        System.out.println("video only: " + RenderBench.measure(w, h, n, null, "video"));
        for (String name : FilterRegistry.names()) {
            System.out.println(name + ": " + RenderBench.measure(w, h, n, null, "video", () -> FilterStack.of(name)));
        }
    }
}
