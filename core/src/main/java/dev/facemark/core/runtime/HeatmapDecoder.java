package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.model.ModelContract;

import java.nio.FloatBuffer;
import java.util.Map;

/**
 * A heatmap head: the soft-argmax {@code landmarks} as a regression head gives them, plus {@code heatmaps}
 * [N, P, h, w] copied out with each map's peak mass as the point's score (the input of the face confidence).
 */
final class HeatmapDecoder extends CoordinateDecoder {
    private final int width, height;

    HeatmapDecoder(int points, int width, int height) {
        super(points);
        this.width = width;
        this.height = height;
    }

    @Override
    public Map<String, long[]> outputShapes(int n) {
        Map<String, long[]> m = super.outputShapes(n);
        m.put(ModelContract.HEATMAPS_NAME, new long[] {n, points, height, width});
        return m;
    }

    @Override
    public boolean heatmaps() { return true; }

    @Override
    public void decode(Map<String, FloatBuffer> outputs, int i, CropTransform crop, Predictions p, int face) {
        super.decode(outputs, i, crop, p, face);
        int size = points * width * height; // bounded by ModelContract.MAX_HEATMAP_VALUES
        float[] maps = p.mapSlot(face);
        outputs.get(ModelContract.HEATMAPS_NAME).get(i * size, maps, 0, size);
        HeatmapConfidence.peakMass(maps, 0, points, width, height, p.scoreSlot(face));
    }
}
