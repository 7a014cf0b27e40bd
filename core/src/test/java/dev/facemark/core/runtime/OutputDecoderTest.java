package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.model.ModelContract;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each head's decoder reads its own face out of a batch's buffers and answers in source pixels. */
class OutputDecoderTest {
    static final int P = 2, W = 4, H = 3;
    // 40 source px of face in a 20 px input: source = centre + (input - 10) * 2 (pixel-centre convention aside).
    static final CropTransform CROP = CropTransform.square(100, 60, 40, 20, 20);

    static Map<String, FloatBuffer> buffers(OutputDecoder d, int n) {
        Map<String, FloatBuffer> m = new LinkedHashMap<>();
        d.outputShapes(n).forEach((name, shape) -> {
            long size = 1;
            for (long s : shape) size *= s;
            m.put(name, ByteBuffer.allocateDirect((int) size * 4).order(ByteOrder.nativeOrder()).asFloatBuffer());
        });
        return m;
    }

    @Test
    void coordinatesOfTheSecondFaceOfTheBatch() {
        OutputDecoder d = new CoordinateDecoder(P);
        assertEquals(List.of(ModelContract.LANDMARKS_NAME), List.copyOf(d.outputShapes(2).keySet()));
        assertArrayEquals(new long[] {2, P, 2}, d.outputShapes(2).get(ModelContract.LANDMARKS_NAME));
        Map<String, FloatBuffer> out = buffers(d, 2);
        out.get(ModelContract.LANDMARKS_NAME).put(new float[] {0, 0, 0, 0, 5, 6, 15, 16});
        Predictions p = new Predictions(P, false, 0, 0);
        p.reset(1);
        d.decode(out, 1, CROP, p, 0);
        assertArrayEquals(new float[] {5, 6, 15, 16}, p.inputLandmarks(0));
        assertArrayEquals(CROP.toSource(new float[] {5, 6, 15, 16}), p.landmarks(0));
        assertNull(p.pointScores(0));
    }

    @Test
    void heatmapsAndPeakScores() {
        OutputDecoder d = new HeatmapDecoder(P, W, H);
        assertEquals(List.of(ModelContract.LANDMARKS_NAME, ModelContract.HEATMAPS_NAME), List.copyOf(d.outputShapes(1).keySet()));
        assertArrayEquals(new long[] {1, P, H, W}, d.outputShapes(1).get(ModelContract.HEATMAPS_NAME));
        Map<String, FloatBuffer> out = buffers(d, 1);
        out.get(ModelContract.LANDMARKS_NAME).put(new float[] {1, 2, 3, 4});
        float[] maps = new float[P * W * H];
        maps[5] = 1f;                       // point 0: all mass on one pixel
        for (int i = W * H; i < maps.length; i++) maps[i] = 1f / (W * H); // point 1: flat
        out.get(ModelContract.HEATMAPS_NAME).put(maps);
        Predictions p = new Predictions(P, true, W, H);
        p.reset(1);
        d.decode(out, 0, CROP, p, 0);
        assertArrayEquals(CROP.toSource(new float[] {1, 2, 3, 4}), p.landmarks(0));
        assertArrayEquals(maps, p.heatmaps(0));
        assertEquals(1f, p.pointScores(0)[0], 1e-6f);
        assertEquals(4f / (W * H), p.pointScores(0)[1], 1e-6f); // a flat map peaks at its first pixel, a corner: 2x2 of it
    }
}
