package dev.facemark.core.geom;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a face's reference box becomes the square crop a model sees. One class, one set of numbers,
 * used by the trainer and the tracker and stored inside every exported model.
 *
 * <p>The reference box is the tight box of the landmarks (ground truth while training, the
 * previous frame's points while tracking). Detector boxes are first mapped to an estimated
 * landmark box by a {@link DetectorCalibration}.
 *
 * @param scale           crop side = scale * max(w, h) of the reference box
 * @param shiftY          crop centre moves by shiftY * h of the reference box along the face's down axis (negative = up,
 *                        towards the forehead; for a rolled crop the axis turns with it)
 * @param trainEnlargeMin smallest random enlargement of the side while training (0 = none)
 * @param trainEnlargeMax largest random enlargement while training (the seed study: 0.2)
 * @param testEnlarge     fixed enlargement at test and tracking time (the seed study: about 0.1)
 */
public record BoxPolicy(float scale, float shiftY, float trainEnlargeMin, float trainEnlargeMax, float testEnlarge) {

    /** The project's default: the seed study's 0-20% random enlargement, 10% at test time. */
    public static final BoxPolicy DEFAULT = new BoxPolicy(1.15f, -0.05f, 0f, 0.2f, 0.1f);

    public BoxPolicy {
        if (!Float.isFinite(scale) || !Float.isFinite(shiftY) || !Float.isFinite(trainEnlargeMin) || !Float.isFinite(trainEnlargeMax)
                || !Float.isFinite(testEnlarge)) {
            throw new IllegalArgumentException("box policy numbers must be finite");
        }
        if (!(scale > 0)) throw new IllegalArgumentException("box scale must be > 0");
        if (trainEnlargeMin < 0 || trainEnlargeMax < trainEnlargeMin) throw new IllegalArgumentException("bad enlargement range");
    }

    /** Square crop around a reference box with the given extra enlargement (0.1 = 10%) and rotation. */
    public CropTransform crop(FaceBox ref, float enlarge, float angle, int width, int height) {
        float side = scale * Math.max(ref.w(), ref.h()) * (1f + enlarge);
        float side1 = Math.max(side, 1f);
        // The shift runs along the face's own down axis, so a face rolled by 90 degrees is shifted sideways on screen.
        float shift = shiftY * ref.h();
        double c = Math.cos(angle), s = Math.sin(angle);
        return new CropTransform((float) (ref.cx() - s * shift), (float) (ref.cy() + c * shift), side1, side1 * height / width, angle, width, height);
    }

    /** The crop used at test and tracking time. */
    public CropTransform testCrop(FaceBox ref, float angle, int width, int height) {
        return crop(ref, testEnlarge, angle, width, height);
    }

    /** The enlargement for a uniform random number u in [0, 1). */
    public float trainEnlarge(double u) {
        return (float) (trainEnlargeMin + u * (trainEnlargeMax - trainEnlargeMin));
    }

    public Map<String, String> toMetadata(String prefix) {
        Map<String, String> m = new TreeMap<>();
        m.put(prefix + "scale", fmt(scale));
        m.put(prefix + "shift_y", fmt(shiftY));
        m.put(prefix + "train_enlarge_min", fmt(trainEnlargeMin));
        m.put(prefix + "train_enlarge_max", fmt(trainEnlargeMax));
        m.put(prefix + "test_enlarge", fmt(testEnlarge));
        return m;
    }

    public static BoxPolicy fromMetadata(Map<String, String> m, String prefix, MetadataReader r) {
        return new BoxPolicy(r.f(m, prefix + "scale"), r.f(m, prefix + "shift_y"),
                r.f(m, prefix + "train_enlarge_min"), r.f(m, prefix + "train_enlarge_max"),
                r.f(m, prefix + "test_enlarge"));
    }

    static String fmt(float v) { return String.format(Locale.ROOT, "%s", v); }

    /** Reads typed values from a metadata map with errors that name the missing key. */
    public interface MetadataReader {
        float f(Map<String, String> m, String key);
    }
}
