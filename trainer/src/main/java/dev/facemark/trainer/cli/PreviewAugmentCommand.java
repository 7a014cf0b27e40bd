package dev.facemark.trainer.cli;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.augment.AugmentConfig;
import dev.facemark.trainer.augment.Augmenter;
import dev.facemark.trainer.data.TrainingFaces;
import dev.facemark.trainer.report.Canvas;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** {@code trainer preview-augment}: what the network is shown, as a grid of augmented training crops with their targets. */
@Command(name = "preview-augment", mixinStandardHelpOptions = true,
        description = {"Writes a PNG grid of training crops exactly as `trainer train` augments them (the same crop, mirror,",
                "photometric changes and the opt-in --motion-blur, --occlusion and --jpeg), with the target points in green:",
                "look before spending core-hours on an augmentation setting. TRAIN splits only."})
public final class PreviewAugmentCommand implements Callable<Integer> {
    @Option(names = "--data", split = ",", defaultValue = "300w,ytf", description = "training sets (default: ${DEFAULT-VALUE})")
    List<String> data;
    @Option(names = "--data-root", defaultValue = "../shared/data", description = "folder holding 300w/ and ytf/ (default: ${DEFAULT-VALUE})")
    Path dataRoot;
    @Option(names = "--input-size", defaultValue = "128", paramLabel = "S|WxH", description = "crop size (default: ${DEFAULT-VALUE})")
    String inputSize;
    @Option(names = "--channels", defaultValue = "1", description = "1 (grey, the shipped models) or 3 (default: ${DEFAULT-VALUE})")
    int channels;
    @Mixin DegradationOptions degradations = new DegradationOptions();
    @Option(names = "--count", defaultValue = "24", description = "crops to draw (default: ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--seed", defaultValue = "1", description = "which faces and which augmentations (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--zoom", defaultValue = "2", description = "tile magnification, nearest neighbour (default: ${DEFAULT-VALUE})")
    int zoom;
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG to write")
    Path out;

    @Override
    public Integer call() {
        int[] wh = TrainOptions.parseSize(inputSize);
        if (channels != 1 && channels != 3) throw new UserException("--channels must be 1 or 3, got " + channels);
        degradations.validate();
        if (count < 1 || count > 400) throw new UserException("--count must be 1-400, got " + count);
        if (zoom < 1 || zoom > 8) throw new UserException("--zoom must be 1-8, got " + zoom);
        if (!out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) throw new UserException("--out must be a .png file, got " + out);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserException("--out " + out + ": folder " + dir + " does not exist");
        Dataset faces = TrainingFaces.load(dataRoot, data);
        if (faces.isEmpty()) throw new UserException("--data " + String.join(",", data) + " under " + dataRoot + " has no training faces");
        AugmentConfig cfg = degradations.applyTo(AugmentConfig.DEFAULT);
        Normalization norm = channels == 1 ? Normalization.GREY_UNIT : Normalization.RGB_UNIT;
        int w = wh[0], h = wh[1];
        List<Mat> tiles = new ArrayList<>();
        SplittableRandom pick = new SplittableRandom(seed);
        try (Augmenter aug = new Augmenter(BoxPolicy.DEFAULT, cfg, norm, PointScheme.IBUG_68, w, h)) {
            float[] pixels = new float[aug.inputValues()], target = new float[2 * PointScheme.IBUG_68.count()];
            for (int k = 0; k < count; k++) {
                FaceSample s = faces.get(pick.nextInt(faces.size()));
                try (Mat image = ImageLoader.readColor(s.image())) {
                    aug.render(image, s.points(), s.landmarkBox(), new SplittableRandom(pick.nextLong()), pixels, 0, target, 0);
                }
                Mat tile = tile(pixels, norm, w, h);
                for (int i = 0; i < target.length; i += 2) {
                    try (Point c = new Point(Math.round((target[i] + 0.5f) * zoom - 0.5f), Math.round((target[i + 1] + 0.5f) * zoom - 0.5f))) {
                        circle(tile, c, Math.max(1, zoom - 1), Canvas.GREEN, FILLED, LINE_AA, 0);
                    }
                }
                Canvas.label(tile, s.name());
                tiles.add(tile);
            }
        }
        try {
            Canvas.grid(tiles, Math.min(8, count), out);
        } finally {
            tiles.forEach(Mat::close);
        }
        System.out.printf("wrote %s: %d training crops of %dx%d (%s), occlusion %.2f, jpeg %.2f, motion blur %.2f%n",
                out, count, w, h, channels == 1 ? "grey" : "colour", degradations.occlusion, degradations.jpeg, degradations.motionBlur);
        return 0;
    }

    /** The normalised CHW crop back to 8-bit BGR, magnified {@link #zoom} times. */
    private Mat tile(float[] chw, Normalization norm, int w, int h) {
        int n = w * h;
        try (Mat small = new Mat(h, w, CV_8UC3)) {
            try (UByteIndexer idx = small.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < 3; b++) {
                            int plane = norm.channels() == 1 ? 0 : 2 - b; // planes are RGB, the tile BGR
                            float v = norm.invert(plane, chw[plane * n + y * w + x]);
                            idx.put(y, x, b, Math.max(0, Math.min(255, Math.round(v))));
                        }
                    }
                }
            }
            Mat big = new Mat();
            try (Size size = new Size(w * zoom, h * zoom)) {
                resize(small, big, size, 0, 0, INTER_NEAREST);
            }
            return big;
        }
    }
}
