package dev.facemark.trainer.augment;

import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.image.Cropper;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Turns one annotated face into one model input plus its target points: the crop (through core's
 * {@link Cropper}, the tracker's crop), an optional mirror with the scheme's left/right permutation,
 * photometric changes, and (when asked) occlusion and JPEG artefacts. Targets are in model-input pixels, the
 * model's output space.
 * Not thread-safe: one per worker thread.
 */
public final class Augmenter implements AutoCloseable {
    private final CropSampler sampler;
    private final AugmentConfig cfg;
    private final Normalization norm;
    private final PointScheme scheme;
    private final int width, height;
    private final Cropper cropper = new Cropper();
    private final Photometric photometric;
    private final Occlusion occlusion;
    private final JpegArtifacts jpeg;
    private float[] scratch = new float[0];

    public Augmenter(BoxPolicy policy, AugmentConfig cfg, Normalization norm, PointScheme scheme, int width, int height) {
        if (cfg.mirror() > 0 && !scheme.canMirror()) {
            throw new IllegalArgumentException("scheme " + scheme.name() + " has no mirror permutation: use mirror probability 0");
        }
        this.sampler = new CropSampler(policy, cfg, width, height);
        this.cfg = cfg;
        this.norm = norm;
        this.scheme = scheme;
        this.width = width;
        this.height = height;
        this.photometric = new Photometric(cfg, norm, width, height);
        this.occlusion = new Occlusion(cfg.occlusion(), norm, width, height);
        this.jpeg = new JpegArtifacts(cfg.jpeg(), norm, width, height);
    }

    public int inputValues() { return norm.channels() * width * height; }

    /**
     * Renders a sample into {@code pixels[pixOff ..]} (CHW) and {@code target[ptOff ..]} (interleaved input-pixel
     * points). {@code ref} is the reference box; {@code rng == null} gives the plain test crop.
     *
     * @return the crop used (before any mirror)
     */
    public CropTransform render(Mat image, float[] points, FaceBox ref, SplittableRandom rng,
                                float[] pixels, int pixOff, float[] target, int ptOff) {
        boolean train = rng != null;
        CropTransform crop = train ? sampler.trainCrop(ref, rng) : sampler.testCrop(ref);
        boolean mirror = train && cfg.mirror() > 0 && rng.nextDouble() < cfg.mirror();
        // A mirrored sample is cut through the mirrored crop, the flip test's own (CropTransform.mirrored):
        // one definition of the mirror image; point i of the face becomes the scheme's partner of i.
        CropTransform cut = mirror ? crop.mirrored() : crop;
        FloatBuffer out = FloatBuffer.wrap(pixels);
        out.position(pixOff);
        cropper.cropInto(image, cut, norm, out);
        if (scratch.length < points.length) scratch = new float[points.length];
        cut.toInput(points, scratch);
        int p = points.length / 2;
        if (mirror) {
            for (int i = 0; i < p; i++) {
                int j = scheme.mirrorOf(i);
                target[ptOff + 2 * j] = scratch[2 * i];
                target[ptOff + 2 * j + 1] = scratch[2 * i + 1];
            }
        } else {
            System.arraycopy(scratch, 0, target, ptOff, 2 * p);
        }
        if (train) {
            // In the order a camera sees them: the occluder is in the scene, then exposure and noise, then the codec.
            occlusion.apply(pixels, pixOff, rng);
            photometric.apply(pixels, pixOff, rng);
            jpeg.apply(pixels, pixOff, rng);
        }
        return crop;
    }

    @Override
    public void close() {
        cropper.close();
        photometric.close();
        jpeg.close();
    }
}
