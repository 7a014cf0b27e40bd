package dev.facemark.core.data;

import dev.facemark.core.geom.FaceBox;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One annotated face: where its image is and its landmarks, interleaved {@code {x0, y0, x1, y1, ...}}
 * in 0-based pixel-centre coordinates (the centre of the top-left pixel is (0, 0)).
 *
 * @param name   a name unique within its dataset (file name relative to the dataset root)
 * @param image  the image file
 * @param points interleaved landmarks; owned by the sample, do not modify
 * @param subset where the face comes from ("afw", "helen/trainset", "ytf/train", ...), used for per-subset reports
 * @param box    an annotated face box (e.g. a detector box from an imglab file), or null when the data has none
 */
public record FaceSample(String name, Path image, float[] points, String subset, FaceBox box) {

    public FaceSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(subset, "subset");
        if (points.length % 2 != 0) throw new IllegalArgumentException(name + ": odd number of coordinates " + points.length);
    }

    public FaceSample(String name, Path image, float[] points, String subset) {
        this(name, image, points, subset, null);
    }

    public int pointCount() { return points.length / 2; }

    /** The tight box of the landmarks (the project's reference box, see BoxPolicy). */
    public FaceBox landmarkBox() { return FaceBox.ofPoints(points); }

    @Override public boolean equals(Object o) {
        return o instanceof FaceSample s && s.name.equals(name) && s.image.equals(image)
                && Arrays.equals(s.points, points) && s.subset.equals(subset) && Objects.equals(s.box, box);
    }

    @Override public int hashCode() { return Objects.hash(name, image, Arrays.hashCode(points), subset, box); }

    @Override public String toString() {
        return "FaceSample[" + name + ", " + pointCount() + " points, " + subset + "]";
    }
}
