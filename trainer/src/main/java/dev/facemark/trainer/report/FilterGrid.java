package dev.facemark.trainer.report;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.facemark.trainer.model.LandmarkNet;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** The first convolution's learned filters, each scaled to its own min..max and enlarged, as one grid. */
public final class FilterGrid {
    static final int SCALE = 12;

    private FilterGrid() {}

    /** @return the number of filters drawn */
    public static int write(LandmarkNet net, Path png) {
        NDArray w = null;
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (p.getKey().endsWith("weight") && a.getShape().dimension() == 4) { w = a; break; }
        }
        if (w == null) throw new IllegalArgumentException(net.architecture() + " has no convolution to show");
        long out = w.getShape().get(0), in = w.getShape().get(1), kh = w.getShape().get(2), kw = w.getShape().get(3);
        float[] v = w.toFloatArray();
        List<Mat> tiles = new ArrayList<>();
        try {
            for (int o = 0; o < out; o++) {
                float[] f = new float[(int) (kh * kw)];
                for (int c = 0; c < in; c++) for (int i = 0; i < f.length; i++) f[i] += v[(int) ((o * in + c) * kh * kw) + i] / in;
                float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
                for (float x : f) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
                Mat tile = new Mat((int) kh * SCALE + 2, (int) kw * SCALE + 2, CV_8UC3, new Scalar(40, 40, 40, 0));
                try (var idx = tile.<org.bytedeco.javacpp.indexer.UByteIndexer>createIndexer()) {
                    for (int y = 0; y < kh * SCALE; y++) {
                        for (int x = 0; x < kw * SCALE; x++) {
                            float val = f[(int) ((y / SCALE) * kw + x / SCALE)];
                            int g = hi > lo ? Math.round(255 * (val - lo) / (hi - lo)) : 128;
                            for (int ch = 0; ch < 3; ch++) idx.put(y + 1, x + 1, ch, g);
                        }
                    }
                }
                tiles.add(tile);
            }
            Canvas.grid(tiles, (int) Math.min(8, out), png);
            return (int) out;
        } finally {
            tiles.forEach(Mat::close);
        }
    }
}
