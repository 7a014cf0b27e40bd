package dev.facemark.tracker.cli;

import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.app.FrameGate;
import dev.facemark.tracker.output.FramePainter;
import dev.facemark.tracker.output.FrameSink;
import dev.facemark.tracker.render.HudInfo;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a session draws with and where annotated frames go: a painter (null: nothing drawn), the
 * sinks after it, and the gate an interactive view holds the loop with. Closes sinks first (a
 * video is finalised even when the painter's close fails), then the painter.
 */
record Annotation(FramePainter painter, List<FrameSink> sinks, FrameGate gate) implements AutoCloseable {
    static final Annotation NONE = new Annotation(null, List.of(), null);

    Annotation {
        sinks = List.copyOf(sinks);
    }

    /** Made once the model is open (the renderer needs its point scheme, the HUD its name). */
    interface Factory {
        Annotation open(LandmarkModel model, Supplier<HudInfo> hud);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (FrameSink s : sinks) {
            try { s.close(); } catch (RuntimeException e) { if (first == null) first = e; }
        }
        try {
            if (painter != null) painter.close();
        } catch (Exception e) {
            if (first == null) first = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        if (first != null) throw first;
    }
}
