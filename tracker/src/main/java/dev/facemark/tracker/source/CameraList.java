package dev.facemark.tracker.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds video4linux devices: /dev/video* with the name the kernel gives them. Fast: reads files only. */
public final class CameraList {
    private CameraList() {}

    public record Camera(String path, String name) {
        @Override public String toString() { return path + (name.isEmpty() ? "" : "  " + name); }
    }

    public static List<Camera> scan() {
        return scan(Path.of("/dev"), Path.of("/sys/class/video4linux"));
    }

    static List<Camera> scan(Path dev, Path sys) {
        List<Camera> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dev)) {
            s.filter(p -> p.getFileName().toString().matches("video\\d+"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b)))
                    .forEach(p -> out.add(new Camera(p.toString(), kernelName(sys.resolve(p.getFileName()).resolve("name")))));
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static int number(Path p) { return Integer.parseInt(p.getFileName().toString().substring(5)); }

    private static String kernelName(Path f) {
        try {
            return Files.isReadable(f) ? Files.readString(f).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** One phrase for messages: "no /dev/video* devices found" or "found: /dev/video0, /dev/video2". */
    public static String describe() {
        List<Camera> c = scan();
        if (c.isEmpty()) return "no /dev/video* devices found";
        return "found: " + String.join(", ", c.stream().map(Camera::path).toList());
    }
}
