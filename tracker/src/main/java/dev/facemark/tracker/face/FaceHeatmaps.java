package dev.facemark.tracker.face;

import dev.facemark.core.geom.PixelCentres;
import dev.facemark.core.geom.CropTransform;

/**
 * A heatmap model's maps for one face: {@code points} maps of {@code width x height} probabilities
 * (each map sums to 1), planar. {@code crop} is the transform of the crop they were computed on;
 * heatmap pixel (i, j) sits at input pixel {@code PixelCentres.map(i, width, inputW)}, mapped to the
 * source through {@code crop.toSource}.
 */
public record FaceHeatmaps(float[] maps, int points, int width, int height, CropTransform crop) {
    public float at(int point, int x, int y) { return maps[(point * height + y) * width + x]; }

    /** Source-image position of the centre of heatmap pixel (x, y). */
    public float[] toSource(float x, float y) {
        float u = PixelCentres.map(x, width, crop.width());
        float v = PixelCentres.map(y, height, crop.height());
        return crop.toSource(new float[] {u, v});
    }
}
