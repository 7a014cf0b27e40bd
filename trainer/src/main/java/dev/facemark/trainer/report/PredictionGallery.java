package dev.facemark.trainer.report;

import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.trainer.eval.FaceResult;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Face tiles with predicted points (green) over the ground truth (red), labelled with the face's NME. */
public final class PredictionGallery {
    static final int TILE = 200;

    private PredictionGallery() {}

    public static void write(List<FaceResult> faces, int columns, Path png) {
        List<Mat> tiles = new ArrayList<>();
        try {
            for (FaceResult f : faces) {
                try (Mat img = ImageLoader.readColor(Path.of(f.image()))) {
                    CropTransform t = BoxPolicy.DEFAULT.crop(FaceBox.ofPoints(f.truth()), 0.3f, 0f, TILE, TILE);
                    Mat tile = Canvas.crop(img, t);
                    Canvas.dots(tile, t, f.truth(), Canvas.RED, 2);
                    Canvas.dots(tile, t, f.predicted(), Canvas.GREEN, 2);
                    Canvas.label(tile, String.format(Locale.ROOT, "NME %.1f%% %s", 100 * f.nme(), shortName(f.name())));
                    tiles.add(tile);
                }
            }
            Canvas.grid(tiles, columns, png);
        } finally {
            tiles.forEach(Mat::close);
        }
    }

    static String shortName(String n) {
        String s = n.substring(n.lastIndexOf('/') + 1);
        return s.length() > 16 ? s.substring(0, 16) : s;
    }
}
