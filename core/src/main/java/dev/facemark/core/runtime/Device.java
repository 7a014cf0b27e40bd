package dev.facemark.core.runtime;

import java.util.Locale;

/** Where a landmark model runs. CUDA needs the onnxruntime_gpu build (-Pcuda) and a GPU; otherwise we fall back to CPU. */
public enum Device {
    CPU, CUDA;

    /** Parses "cpu" or "cuda" (case-insensitive); the message names the accepted values. */
    public static Device parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + s + "': use cpu or cuda");
        }
    }
}
