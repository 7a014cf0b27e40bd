package dev.facemark.trainer.report;

import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.Predictions;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.COLORMAP_JET;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.applyColorMap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * What a heatmap model "sees": for chosen points, its probability map over the model's input crop,
 * colour-mapped and blended over the crop (one row per face, one column per point).
 */
public final class HeatmapPanel {
    static final int TILE = 192;

    private HeatmapPanel() {}

    public static void write(LandmarkModel model, List<FaceSample> faces, int[] points, Path png) {
        var c = model.contract();
        List<Mat> tiles = new ArrayList<>();
        try {
            for (FaceSample s : faces) {
                try (Mat img = ImageLoader.readColor(s.image())) {
                    CropTransform t = model.cropFor(s.landmarkBox(), 0f);
                    Predictions p = model.predict(img, List.of(t));
                    if (!p.hasHeatmaps()) throw new IllegalArgumentException(model.source() + " has no heatmap output");
                    float[] maps = p.heatmaps(0);
                    int hw = p.heatmapWidth(), hh = p.heatmapHeight();
                    try (Mat input = Canvas.crop(img, t); Mat big = new Mat()) {
                        resize(input, big, new Size(TILE, TILE), 0, 0, INTER_LINEAR);
                        for (int point : points) tiles.add(overlay(big, maps, point * hw * hh, hw, hh, point));
                    }
                }
            }
            Canvas.grid(tiles, points.length, png);
        } finally {
            tiles.forEach(Mat::close);
        }
    }

    private static Mat overlay(Mat base, float[] maps, int off, int w, int h, int point) {
        float max = 1e-12f;
        for (int i = 0; i < w * h; i++) max = Math.max(max, maps[off + i]);
        try (FloatPointer fp = new FloatPointer((long) w * h); Mat m = new Mat(h, w, CV_32F, fp);
             Mat m8 = new Mat(); Mat up = new Mat(); Mat colour = new Mat()) {
            for (int i = 0; i < w * h; i++) fp.put(i, maps[off + i] / max * 255f);
            m.convertTo(m8, CV_8U);
            resize(m8, up, new Size(TILE, TILE), 0, 0, INTER_NEAREST);
            applyColorMap(up, colour, COLORMAP_JET);
            Mat out = new Mat();
            addWeighted(base, 0.45, colour, 0.55, 0, out);
            Canvas.label(out, "point " + point);
            return out;
        }
    }
}
