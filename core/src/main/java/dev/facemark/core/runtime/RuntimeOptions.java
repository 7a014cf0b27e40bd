package dev.facemark.core.runtime;

import java.io.Serializable;

/**
 * How a landmark model's ONNX Runtime session is set up. Serializable: the batch job ships it to its executors.
 *
 * @param intraOpThreads threads one inference may use (0 = ONNX Runtime's default, all cores)
 * @param device         cpu or cuda (cuda falls back to cpu with one log line when unavailable)
 */
public record RuntimeOptions(int intraOpThreads, Device device) implements Serializable {
    public static final RuntimeOptions DEFAULT = new RuntimeOptions(0, Device.CPU);

    public RuntimeOptions {
        if (intraOpThreads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + intraOpThreads);
        if (device == null) device = Device.CPU;
    }

    public static RuntimeOptions cpu(int threads) { return new RuntimeOptions(threads, Device.CPU); }
}
