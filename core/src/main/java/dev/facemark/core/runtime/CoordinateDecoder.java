package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.model.ModelContract;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A regression head: {@code landmarks} [N, P, 2] in input pixels, mapped back to the source through the crop. */
class CoordinateDecoder implements OutputDecoder {
    final int points;

    CoordinateDecoder(int points) {
        this.points = points;
    }

    @Override
    public Map<String, long[]> outputShapes(int n) {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(ModelContract.LANDMARKS_NAME, new long[] {n, points, 2});
        return m;
    }

    @Override
    public boolean heatmaps() { return false; }

    @Override
    public void decode(Map<String, FloatBuffer> outputs, int i, CropTransform crop, Predictions p, int face) {
        float[] xy = p.inputSlot(face);
        outputs.get(ModelContract.LANDMARKS_NAME).get(i * 2 * points, xy, 0, 2 * points);
        crop.toSource(xy, p.landmarkSlot(face));
    }
}
