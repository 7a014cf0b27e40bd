package dev.facemark.trainer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of architectures, selectable by name ({@code nose, fullface, resnet18, unet, fast}). */
public final class Architectures {
    private static final Map<String, Architecture> ALL = new LinkedHashMap<>();

    static {
        for (Architecture a : List.of(new NoseNet(), new FullFaceNet(), new ResNet18(), new UNet(), new FastNet())) {
            ALL.put(a.name(), a);
        }
    }

    private Architectures() {}

    public static List<String> names() { return List.copyOf(ALL.keySet()); }

    /** @throws IllegalArgumentException naming the unknown architecture and the known ones */
    public static Architecture get(String name) {
        Architecture a = ALL.get(name);
        if (a == null) throw new IllegalArgumentException("unknown architecture '" + name + "'; choose one of " + names());
        return a;
    }

    /** The default config of an architecture. */
    public static ArchConfig defaults(String name) { return get(name).defaults(); }

    /** The configuration written {@code name[:key=value,...]}: the defaults with those options (bench command lines). */
    public static ArchConfig parse(String spec) {
        String name = spec.split(":")[0];
        ArchConfig c = defaults(name);
        if (spec.contains(":")) {
            for (String kv : spec.substring(spec.indexOf(':') + 1).split(",")) {
                String[] p = kv.split("=", 2);
                c = c.withOption(p[0], p[1]);
            }
        }
        return c;
    }

    /** Builds an uninitialised network (call {@link LandmarkNet#initialize} or let a DJL Trainer do it). */
    public static LandmarkNet create(String name, ArchConfig config) {
        Architecture a = get(name);
        return new LandmarkNet(a.name(), config, a.spec(config));
    }

    /** At its default size. */
    public static LandmarkNet create(String name) { return create(name, defaults(name)); }
}
