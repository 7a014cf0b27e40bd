package dev.facemark.tracker.cli;

import dev.facemark.core.geom.PixelSize;
import dev.facemark.tracker.app.UserError;

/** A {@code WxH} option's value, or a one-line {@link UserError} naming the option, the text and an example. */
final class PixelSizeOption {
    private PixelSizeOption() {}

    static PixelSize parse(String option, String text) {
        try {
            return PixelSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + " " + e.getMessage());
        }
    }
}
