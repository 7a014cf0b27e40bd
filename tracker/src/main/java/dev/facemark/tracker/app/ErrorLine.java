package dev.facemark.tracker.app;

import dev.facemark.core.io.LandmarkFileException;
import dev.facemark.core.model.ContractException;
import dev.facemark.tracker.output.OutputException;
import dev.facemark.tracker.render.GlUnavailableException;
import dev.facemark.tracker.render.ShaderException;
import dev.facemark.tracker.source.SourceException;

/**
 * A failure as one line for the user, whichever front end ran the tracker (its command line, the
 * batch job's status table): our own exceptions already say what and what to do; anything else is
 * named without its stack trace.
 */
public final class ErrorLine {
    private ErrorLine() {}

    public static String of(Throwable e) {
        boolean ours = e instanceof SourceException || e instanceof ContractException || e instanceof OutputException
                || e instanceof LandmarkFileException || e instanceof UserError || e instanceof IllegalArgumentException
                || e instanceof GlUnavailableException || e instanceof ShaderException;
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return ours ? m : "unexpected " + e.getClass().getSimpleName() + ": " + m + " (run with -Dfacemark.debug=true for details)";
    }
}
