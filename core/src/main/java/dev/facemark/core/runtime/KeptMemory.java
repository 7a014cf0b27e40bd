package dev.facemark.core.runtime;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the process with a glibc allocator that keeps the memory it frees. By default glibc returns every large
 * block (a tensor of a training step) to the kernel, which hands it back zero-filled on the next step: on these
 * VMs those page faults cost more than the arithmetic (the trainer ran 47 images/s on {@code fast} against 92
 * with these tunables, same losses to the last digit). {@code arena_max=1} matters for DJL, where libtorch runs
 * on JVM threads that would otherwise each get an arena.
 *
 * <p>glibc reads {@code GLIBC_TUNABLES} once, at process start, so a JVM started without it re-runs itself
 * with it: same java, same JVM options, same class path and arguments, standard streams inherited. Set
 * {@code FACEMARK_MALLOC=system} to keep the system's setting.
 */
public final class KeptMemory {
    public static final String ENV = "GLIBC_TUNABLES";
    public static final String TUNABLES =
            "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295";
    public static final String OPT_OUT = "FACEMARK_MALLOC";

    private KeptMemory() {}

    /** Whether this process started with the tunables (glibc only reads them at start). */
    public static boolean inEffect() {
        String t = System.getenv(ENV);
        return t != null && t.contains("glibc.malloc.mmap_max=0");
    }

    /** One line for a run's log saying which allocator settings this process runs with. */
    public static String describe() {
        if (inEffect()) return "memory: glibc malloc keeps freed memory (" + ENV + "=" + System.getenv(ENV) + ")";
        if ("system".equalsIgnoreCase(System.getenv(OPT_OUT))) return "memory: system malloc settings (" + OPT_OUT + "=system)";
        return "memory: system malloc settings (freed tensors go back to the kernel; slower)";
    }

    /**
     * Re-runs this JVM with the tunables when it started without them on Linux, and returns the child's exit
     * code; empty when this process should do the work itself.
     */
    public static OptionalInt rerunIfNeeded(Class<?> mainClass, String... args) {
        if (inEffect() || "system".equalsIgnoreCase(System.getenv(OPT_OUT))
                || !System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return OptionalInt.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty()) return OptionalInt.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        Map<String, String> env = pb.environment();
        String old = env.get(ENV);
        env.put(ENV, old == null || old.isBlank() ? TUNABLES : old + ":" + TUNABLES);
        try {
            Process child = pb.start();
            // A kill of this process (not of its group) must not leave the child running on its own.
            Thread stop = new Thread(() -> {
                child.destroy();
                try { child.waitFor(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            });
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            try { Runtime.getRuntime().removeShutdownHook(stop); } catch (IllegalStateException ignored) { /* exiting */ }
            return OptionalInt.of(code);
        } catch (java.io.IOException e) {
            return OptionalInt.empty(); // cannot start a second JVM: run here, only slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }
}
