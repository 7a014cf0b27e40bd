package dev.facemark.tracker.filter;

import dev.facemark.tracker.render.FrameContext;
import dev.facemark.tracker.render.FramePass;
import dev.facemark.tracker.render.KeyAction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The active filters as one {@link FramePass} for the renderer. Starts with the chosen list;
 * {@link KeyAction#NEXT_FILTER} steps through: the chosen list, then each registered filter alone;
 * {@link KeyAction#TOGGLE_FILTERS} turns them all off and on. Filters are created on first use
 * (with the GL context current) and kept until {@link #close}.
 */
public final class FilterStack implements FramePass {
    private final List<List<String>> presets = new ArrayList<>();
    private final Map<String, FaceFilter> instances = new HashMap<>();
    private int preset;
    private boolean enabled = true;

    public FilterStack(List<String> chosen) {
        for (String n : chosen) FilterRegistry.description(n); // validates
        presets.add(List.copyOf(chosen));
        for (String n : FilterRegistry.names()) if (!List.of(n).equals(chosen)) presets.add(List.of(n));
    }

    /** From a comma list, e.g. the CLI's {@code --filters blur,axes}. */
    public static FilterStack of(String commaList) { return new FilterStack(FilterRegistry.parseList(commaList)); }

    public List<String> active() { return enabled ? presets.get(preset) : List.of(); }

    /** NEXT_FILTER / TOGGLE_FILTERS; {@code LiveWindow.setEffects} routes them here. */
    @Override
    public void onKey(KeyAction a) {
        if (a == KeyAction.NEXT_FILTER) { preset = (preset + 1) % presets.size(); enabled = true; }
        else if (a == KeyAction.TOGGLE_FILTERS) enabled = !enabled;
    }

    @Override
    public void draw(FrameContext ctx) {
        for (String name : active()) {
            instances.computeIfAbsent(name, FilterRegistry::create).apply(ctx);
            ctx.target().bind();
        }
    }

    @Override
    public void close() {
        instances.values().forEach(FaceFilter::close);
        instances.clear();
    }
}
