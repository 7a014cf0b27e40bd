package dev.facemark.core.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.facemark.core.Snippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime session set-up for a model: the CPU settings every session gets, the CUDA execution provider
 * when asked for, and the fall back to CPU (with the same CPU settings) when CUDA cannot be had.
 */
final class OrtSessions {
    private static final Logger log = LoggerFactory.getLogger(OrtSessions.class);

    private OrtSessions() {}

    /** A created session and the device it really runs on. */
    record Opened(OrtSession session, Device device) { }

    static Opened open(byte[] onnx, String name, RuntimeOptions options) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = cpuOptions(options)) {
            Device device = options.device() == Device.CUDA ? addCuda(so, name) : Device.CPU;
            try {
                return new Opened(env.createSession(onnx, so), device);
            } catch (OrtException e) {
                if (device != Device.CUDA) throw e;
                log.warn("CUDA session for {} failed ({}); running on CPU", name, firstLine(e));
                try (OrtSession.SessionOptions cpu = cpuOptions(options)) {
                    return new Opened(env.createSession(onnx, cpu), Device.CPU);
                }
            }
        }
    }

    /** Session settings for the CPU, shared by CPU sessions and the CPU fallback of a CUDA session. */
    private static OrtSession.SessionOptions cpuOptions(RuntimeOptions options) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            if (options.intraOpThreads() > 0) so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Between two inferences the pipeline decodes video on the same few cores: don't let idle ORT threads spin.
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            return so;
        } catch (OrtException | RuntimeException e) {
            so.close();
            throw e;
        }
    }

    /** Adds the CUDA execution provider; when that is impossible says why in one line and stays on CPU. */
    private static Device addCuda(OrtSession.SessionOptions so, String name) {
        try {
            so.addCUDA(0);
            return Device.CUDA;
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            log.warn("CUDA requested for {} but unavailable ({}); running on CPU. "
                    + "GPU inference needs the -Pcuda build (onnxruntime_gpu) with CUDA 12 and cuDNN 9.", name, firstLine(e));
            return Device.CPU;
        }
    }

    /** ONNX Runtime's message, its first line, printable and cut to a readable length. */
    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return Snippet.clean(nl < 0 ? m : m.substring(0, nl));
    }

    static void closeQuietly(OrtSession s) {
        if (s == null) return;
        try { s.close(); } catch (OrtException ignored) { /* already failing */ }
    }
}
