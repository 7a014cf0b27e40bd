package dev.facemark.tracker.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The one place filters are registered by name, for the CLI's comma list, {@code --help} and the live key. */
public final class FilterRegistry {
    private record Entry(String description, Supplier<FaceFilter> factory) {}

    private static final Map<String, Entry> FILTERS = new LinkedHashMap<>();

    static {
        register("sunglasses", "sunglasses sprite placed by eye corners and nose bridge", SpriteFilter::sunglasses);
        register("mesh", "face mesh wireframe (68 points + forehead)", () -> new MeshFilter(false));
        register("mesh-shaded", "shaded face mesh", () -> new MeshFilter(true));
        register("big-eyes", "warp: enlarge the eyes", () -> new WarpFilter(WarpFilter.Kind.BIG_EYES));
        register("slim-jaw", "warp: pull the jaw line in", () -> new WarpFilter(WarpFilter.Kind.SLIM_JAW));
        register("blur", "privacy blur of each face, held a few frames when tracking is lost", () -> new PrivacyFilter(PrivacyFilter.Mode.BLUR));
        register("pixelate", "privacy pixelation of each face, held when tracking is lost", () -> new PrivacyFilter(PrivacyFilter.Mode.PIXELATE));
        register("axes", "head-pose axes at the nose tip", PoseAxesFilter::new);
    }

    private FilterRegistry() {}

    private static void register(String name, String description, Supplier<FaceFilter> factory) {
        FILTERS.put(name, new Entry(description, factory));
    }

    public static List<String> names() { return List.copyOf(FILTERS.keySet()); }

    public static String description(String name) { return entry(name).description(); }

    /** A new instance (GL context must be current). */
    public static FaceFilter create(String name) { return entry(name).factory().get(); }

    /** Validates a comma list such as {@code "blur,axes"} ("none" or empty: no filters). */
    public static List<String> parseList(String list) {
        List<String> out = new ArrayList<>();
        if (list == null) return out;
        for (String raw : list.split(",")) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || n.equals("none")) continue;
            entry(n);
            if (!out.contains(n)) out.add(n);
        }
        return out;
    }

    /** One line per filter for {@code --help}. */
    public static String helpText() {
        StringBuilder sb = new StringBuilder("Face filters:\n");
        FILTERS.forEach((n, e) -> sb.append(String.format("  %-12s %s%n", n, e.description())));
        return sb.toString();
    }

    private static Entry entry(String name) {
        Entry e = FILTERS.get(name);
        if (e == null) throw new IllegalArgumentException("unknown filter '" + name + "'; choose from " + String.join(",", FILTERS.keySet()));
        return e;
    }
}
