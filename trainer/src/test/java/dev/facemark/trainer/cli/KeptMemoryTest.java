package dev.facemark.trainer.cli;

import dev.facemark.core.runtime.KeptMemory;
import dev.facemark.trainer.TestData;
import dev.facemark.trainer.TrainerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trainer train} started the way a user starts it (a fresh JVM, no tunables) trains with the kept-memory allocator. */
class KeptMemoryTest {
    @TempDir Path tmp;

    private String train(String optOut) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx2g",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), TrainerMain.class.getName(),
                "train", "--arch", "nose", "--input-size", "80x60", "--data-root", TestData.requireRoot().toString(),
                "--max-faces", "10", "--batch", "4", "--epochs", "1", "--threads", "1", "--workers", "1",
                "--no-progress", "--no-export", "--out", tmp.resolve("run" + (optOut == null ? "" : "-" + optOut)).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(KeptMemory.ENV);
        if (optOut != null) pb.environment().put(KeptMemory.OPT_OUT, optOut);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "trainer finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aPlainStartRunsWithTheTunables() throws Exception {
        String out = train(null);
        assertTrue(out.contains("memory: glibc malloc keeps freed memory (" + KeptMemory.ENV + "=" + KeptMemory.TUNABLES + ")"), out);
        assertTrue(out.contains("epoch 1/1"), out);
    }

    @Test
    void theSystemSettingCanBeKept() throws Exception {
        String out = train("system");
        assertTrue(out.contains("memory: system malloc settings (" + KeptMemory.OPT_OUT + "=system)"), out);
    }
}
