package dev.facemark.core.model;

import dev.facemark.core.Snippet;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a runtime must know to feed a landmark model and read its answer: the point scheme,
 * input size and normalisation, how face boxes become crops, and what the outputs are. Written by
 * the trainer into the ONNX file's {@code metadata_props} and read back by the tracker, so that no
 * preprocessing constant lives in the tracker.
 *
 * <p>Tensors: input {@value #INPUT_NAME} [N, C, H, W] float32; output {@value #LANDMARKS_NAME} [N, P, 2]
 * in input pixel coordinates (pixel-centre convention of {@link dev.facemark.core.geom.CropTransform});
 * heatmap models also output {@value #HEATMAPS_NAME} [N, P, h, w].
 */
public record ModelContract(
        String name,
        String architecture,
        PointScheme scheme,
        int inputWidth,
        int inputHeight,
        Normalization normalization,
        BoxPolicy boxPolicy,
        OutputKind outputKind,
        int heatmapWidth,
        int heatmapHeight,
        Map<String, DetectorCalibration> calibrations,
        Map<String, String> provenance) {

    public static final String INPUT_NAME = "input";
    public static final String LANDMARKS_NAME = "landmarks";
    public static final String HEATMAPS_NAME = "heatmaps";
    public static final String VERSION = "1";
    static final String P = "facemark.";
    /** Largest input or heatmap side the runtime accepts (the architectures use 80 to 240). */
    public static final int MAX_SIDE = 1024;
    /** Largest number of heatmap values per face (points x height x width) the runtime accepts: 64 MB of floats. */
    public static final int MAX_HEATMAP_VALUES = 1 << 24;

    /**
     * @throws IllegalArgumentException when a size is outside what the runtime can feed: input
     *         sides 1..{@value #MAX_SIDE}, heatmap sides 1..{@value #MAX_SIDE} and at most
     *         {@value #MAX_HEATMAP_VALUES} heatmap values per face
     */
    public ModelContract {
        calibrations = Map.copyOf(calibrations);
        provenance = new TreeMap<>(provenance);
        if (inputWidth <= 0 || inputHeight <= 0 || inputWidth > MAX_SIDE || inputHeight > MAX_SIDE) {
            throw new IllegalArgumentException("input size " + inputWidth + "x" + inputHeight + " is outside 1.." + MAX_SIDE);
        }
        if (outputKind == OutputKind.HEATMAPS) {
            if (heatmapWidth <= 0 || heatmapHeight <= 0) throw new IllegalArgumentException("heatmap model needs a heatmap size");
            if (heatmapWidth > MAX_SIDE || heatmapHeight > MAX_SIDE
                    || (long) scheme.count() * heatmapWidth * heatmapHeight > MAX_HEATMAP_VALUES) {
                throw new IllegalArgumentException("heatmap size " + heatmapWidth + "x" + heatmapHeight + " for " + scheme.count()
                        + " points is over the runtime's limit (sides up to " + MAX_SIDE + ", " + MAX_HEATMAP_VALUES + " values per face)");
            }
        }
    }

    public int channels() { return normalization.channels(); }
    public int points() { return scheme.count(); }

    /** Calibration for a detector name ("haar", "yunet"), falling back to the built-in defaults. */
    public DetectorCalibration calibration(String detector) {
        DetectorCalibration c = calibrations.get(detector);
        if (c != null) return c;
        return switch (detector) {
            case "haar" -> DetectorCalibration.HAAR;
            case "yunet" -> DetectorCalibration.YUNET;
            default -> DetectorCalibration.IDENTITY;
        };
    }

    public ModelContract withProvenance(String key, String value) {
        Map<String, String> p = new TreeMap<>(provenance);
        p.put(key, value);
        return new ModelContract(name, architecture, scheme, inputWidth, inputHeight, normalization, boxPolicy,
                outputKind, heatmapWidth, heatmapHeight, calibrations, p);
    }

    /** The ONNX {@code metadata_props} entries. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(P + "contract_version", VERSION);
        m.put(P + "name", name);
        m.put(P + "architecture", architecture);
        m.put(P + "scheme", scheme.name());
        m.put(P + "points", Integer.toString(scheme.count()));
        m.put(P + "input.width", Integer.toString(inputWidth));
        m.put(P + "input.height", Integer.toString(inputHeight));
        m.put(P + "input.channels", Integer.toString(normalization.channels()));
        m.put(P + "input.layout", "NCHW");
        m.put(P + "input.color", normalization.channels() == 1 ? "grey" : "rgb");
        m.put(P + "input.mean", normalization.encodeMean());
        m.put(P + "input.std", normalization.encodeStd());
        m.put(P + "input.scale", "1/255");
        m.putAll(boxPolicy.toMetadata(P + "box."));
        m.put(P + "box.reference", "tight box of the landmarks");
        m.put(P + "crop.convention", "pixel centres 0-based, top-left pixel centre at (0,0); bilinear, border replicate");
        m.put(P + "output.kind", outputKind.name().toLowerCase(Locale.ROOT));
        m.put(P + "output.coordinates", "input pixels");
        if (outputKind == OutputKind.HEATMAPS) {
            m.put(P + "output.heatmap.width", Integer.toString(heatmapWidth));
            m.put(P + "output.heatmap.height", Integer.toString(heatmapHeight));
        }
        for (var e : new TreeMap<>(calibrations).entrySet()) {
            m.put(P + "calibration." + e.getKey(), e.getValue().encode());
        }
        for (var e : provenance.entrySet()) m.put(P + "provenance." + e.getKey(), e.getValue());
        return m;
    }

    /**
     * Reads a contract back from {@code metadata_props}.
     *
     * @param source what the map came from (a file name), used in error messages
     * @throws ContractException naming the first missing or malformed key
     */
    public static ModelContract fromMetadata(Map<String, String> m, String source) {
        if (!m.containsKey(P + "contract_version")) {
            throw new ContractException(source + " has no facemark contract in its ONNX metadata (key "
                    + P + "contract_version missing): export it with 'trainer export', or use a model from models/");
        }
        Reader r = new Reader(m, source);
        PointScheme scheme;
        try {
            scheme = PointScheme.byName(r.s(P + "scheme"));
        } catch (IllegalArgumentException e) {
            throw new ContractException(source + ": " + e.getMessage());
        }
        // Optional (older exports lack it), but when present it must agree with the scheme: the
        // runtime sizes the landmarks output from the scheme, so a mismatch is a broken export.
        if (m.containsKey(P + "points") && r.i(P + "points") != scheme.count()) {
            throw new ContractException(source + ": metadata key '" + P + "points' says " + r.i(P + "points")
                    + " points but scheme " + scheme.name() + " has " + scheme.count() + "; re-export the model with 'trainer export'");
        }
        int channels = r.i(P + "input.channels");
        Normalization norm;
        try {
            norm = new Normalization(channels, Normalization.parse(r.s(P + "input.mean")), Normalization.parse(r.s(P + "input.std")));
        } catch (IllegalArgumentException e) {
            throw new ContractException(source + ": bad input normalisation: " + Snippet.clean(e.getMessage()));
        }
        BoxPolicy box;
        try {
            box = BoxPolicy.fromMetadata(m, P + "box.", (mm, k) -> r.f(k));
        } catch (IllegalArgumentException e) {
            throw new ContractException(source + ": bad box policy (" + P + "box.*): " + Snippet.clean(e.getMessage()));
        }
        OutputKind kind;
        try {
            kind = OutputKind.valueOf(r.s(P + "output.kind").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContractException(source + ": unknown output kind " + Snippet.quote(m.get(P + "output.kind"))
                    + " in metadata key '" + P + "output.kind' (coordinates or heatmaps)");
        }
        int hw = 0, hh = 0;
        if (kind == OutputKind.HEATMAPS) {
            hw = r.i(P + "output.heatmap.width");
            hh = r.i(P + "output.heatmap.height");
        }
        Map<String, DetectorCalibration> cal = new LinkedHashMap<>();
        Map<String, String> prov = new TreeMap<>();
        for (var e : m.entrySet()) {
            if (e.getKey().startsWith(P + "calibration.")) {
                String det = e.getKey().substring((P + "calibration.").length());
                try {
                    cal.put(det, DetectorCalibration.decode(det, e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new ContractException(source + ": key " + Snippet.quote(e.getKey()) + ": " + Snippet.clean(ex.getMessage()));
                }
            } else if (e.getKey().startsWith(P + "provenance.")) {
                prov.put(e.getKey().substring((P + "provenance.").length()), e.getValue());
            }
        }
        try {
            return new ModelContract(r.s(P + "name"), r.s(P + "architecture"), scheme,
                    r.i(P + "input.width"), r.i(P + "input.height"), norm, box, kind, hw, hh, cal, prov);
        } catch (IllegalArgumentException e) {
            throw new ContractException(source + ": " + Snippet.clean(e.getMessage()) + " (metadata keys '" + P + "input.width', '"
                    + P + "input.height', '" + P + "output.heatmap.*'); re-export the model with 'trainer export'");
        }
    }

    private record Reader(Map<String, String> m, String source) {
        String s(String key) {
            String v = m.get(key);
            if (v == null || v.isBlank()) {
                throw new ContractException(source + ": model metadata key '" + key + "' is missing; re-export the model with 'trainer export'");
            }
            return v;
        }
        int i(String key) {
            try { return Integer.parseInt(s(key).trim()); }
            catch (NumberFormatException e) { throw new ContractException(source + ": metadata key '" + key + "' is not an integer: " + Snippet.quote(m.get(key))); }
        }
        float f(String key) {
            float v;
            try { v = Float.parseFloat(s(key).trim()); }
            catch (NumberFormatException e) { throw new ContractException(source + ": metadata key '" + key + "' is not a number: " + Snippet.quote(m.get(key))); }
            if (!Float.isFinite(v)) throw new ContractException(source + ": metadata key '" + key + "' is not a finite number: " + Snippet.quote(m.get(key)));
            return v;
        }
    }
}
