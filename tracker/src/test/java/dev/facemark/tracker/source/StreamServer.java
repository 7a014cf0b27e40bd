package dev.facemark.tracker.source;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real FFmpeg process serving a video in real time on loopback, to be killed mid-stream: JavaCV's
 * {@code ffmpeg} program when it runs here, else {@link LoopbackStreamer} in its own JVM (the same
 * FFmpeg libraries). Either way a separate process, real sockets, and SIGKILL for {@link #kill}.
 */
final class StreamServer implements AutoCloseable {
    /** How the stream is served: the client URL's scheme and path, FFmpeg's muxer, who listens. */
    enum Kind {
        TCP("tcp", "", "mpegts"), HTTP("http", "/live.ts", "mpegts"), MJPEG("http", "/cam.mjpg", "mpjpeg"),
        UDP("udp", "", "mpegts"), SRT("srt", "", "mpegts");

        final String scheme, path, format;

        Kind(String scheme, String path, String format) { this.scheme = scheme; this.path = path; this.format = format; }

        /** The URL the tracker reads. */
        String clientUrl(int port) { return scheme + "://127.0.0.1:" + port + path; }

        /** The URL the server writes to. */
        String serverUrl(int port) {
            return switch (this) {
                case TCP -> "tcp://127.0.0.1:" + port + "?listen=1";
                case UDP -> "udp://127.0.0.1:" + port + "?pkt_size=1316";
                case SRT -> "srt://127.0.0.1:" + port + "?mode=listener";
                default -> clientUrl(port);
            };
        }
    }

    private static Boolean programWorks;
    private static String program;

    final Kind kind;
    final int port;
    private final Process process;
    private final Path log;

    private StreamServer(Kind kind, int port, Process process, Path log) {
        this.kind = kind;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** A free port for this kind (TCP or UDP), chosen now. */
    static int freePort(Kind kind) throws IOException {
        if (kind == Kind.UDP || kind == Kind.SRT) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) { return s.getLocalPort(); }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { return s.getLocalPort(); }
    }

    /** Starts serving {@code video} and returns once the server listens (TCP, HTTP, SRT) or sends (UDP). */
    static StreamServer start(Kind kind, int port, Path video, Path logDir) throws Exception {
        return start(kind, port, video, logDir, 0, 0);
    }

    /**
     * A server that closes the stream after {@code restartAfter} frames and serves again {@code pauseMs}
     * later, as a rebooting camera does (always the JVM stand-in: one process, no start-up time in the gap).
     */
    static StreamServer startRestarting(Kind kind, int port, Path video, Path logDir, long restartAfter, long pauseMs) throws Exception {
        return start(kind, port, video, logDir, restartAfter, pauseMs);
    }

    private static StreamServer start(Kind kind, int port, Path video, Path logDir, long restartAfter, long pauseMs) throws Exception {
        List<String> cmd = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (restartAfter <= 0 && ffmpegProgramWorks()) {
            cmd.addAll(List.of(program, "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video.toString(), "-an"));
            if (kind == Kind.MJPEG) cmd.addAll(List.of("-c:v", "mjpeg", "-q:v", "5"));
            else cmd.addAll(List.of("-c:v", "mpeg4", "-g", "10", "-q:v", "5"));
            cmd.addAll(List.of("-f", kind.format));
            if (kind.scheme.equals("http")) cmd.addAll(List.of("-listen", "1"));
            cmd.add(kind.serverUrl(port));
            libraryPath(pb);
        } else {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            cmd.addAll(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    LoopbackStreamer.class.getName(), kind.serverUrl(port), kind.format, video.toString(), "" + restartAfter, "" + pauseMs));
        }
        Path log = logDir.resolve("server-" + kind.name().toLowerCase(Locale.ROOT) + "-" + port + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        StreamServer s = new StreamServer(kind, port, pb.start(), log);
        try {
            s.awaitReady(60_000);
        } catch (Exception | AssertionError e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** True when "the ffmpeg program" of this run is JavaCV's ffmpeg binary (not the JVM stand-in). */
    static synchronized boolean ffmpegProgramWorks() {
        if (programWorks != null) return programWorks;
        programWorks = false;
        try {
            program = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            ProcessBuilder pb = new ProcessBuilder(program, "-hide_banner", "-version").redirectErrorStream(true);
            libraryPath(pb);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            programWorks = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Throwable e) {
            // its libraries are missing here (e.g. no libpulse for libavdevice): the JVM stand-in serves
        }
        return programWorks;
    }

    /** The binary's own libraries sit next to it; it does not find all of them by itself. */
    private static void libraryPath(ProcessBuilder pb) {
        String dir = Path.of(program).getParent().toString(), old = System.getenv("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", old == null || old.isEmpty() ? dir : dir + ":" + old);
    }

    private void awaitReady(long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        if (kind == Kind.UDP) {
            // Sending: the first datagram arrives on the port, which the tracker then takes over.
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                probe.setSoTimeout((int) timeoutMs);
                probe.receive(new DatagramPacket(new byte[2048], 2048));
            }
            return;
        }
        boolean proc = Files.isReadable(Path.of("/proc/net/tcp"));
        while (System.currentTimeMillis() < end) {
            if (!process.isAlive()) throw new AssertionError("stream server exited: " + output());
            if (!proc) {
                Thread.sleep(8000); // no /proc to look at: give it time
                return;
            }
            // Listening, or already serving: FFmpeg's tcp listener accepts one client and stops listening.
            if (kind == Kind.SRT ? bound("/proc/net/udp", null) || bound("/proc/net/udp6", null)
                    : bound("/proc/net/tcp", "0A") || bound("/proc/net/tcp6", "0A") || bound("/proc/net/tcp", "01") || bound("/proc/net/tcp6", "01")) return;
            Thread.sleep(50);
        }
        throw new AssertionError("stream server not listening on " + port + " after " + timeoutMs + " ms: " + output());
    }

    /** A socket on our port in /proc/net/* (in state {@code state} when given: 0A = LISTEN, 01 = ESTABLISHED). */
    private boolean bound(String table, String state) throws IOException {
        Path t = Path.of(table);
        if (!Files.isReadable(t)) return false;
        String port = String.format(Locale.ROOT, ":%04X", this.port);
        for (String line : Files.readAllLines(t)) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].endsWith(port) && (state == null || f[3].equals(state))) return true;
        }
        return false;
    }

    boolean alive() { return process.isAlive(); }

    /** SIGKILL: the server vanishes mid-stream, as a crashed or unplugged one does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
