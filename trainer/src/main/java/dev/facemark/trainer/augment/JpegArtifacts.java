package dev.facemark.trainer.augment;

import dev.facemark.core.image.Normalization;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * JPEG compression artefacts: with probability {@code p}, the crop goes through a JPEG encoder and decoder at a
 * quality drawn from {@link #MIN_QUALITY}-{@link #MAX_QUALITY} (8x8 blocking, ringing at edges, lost fine texture:
 * what webcams, streams and archived video hand the tracker). The JDK's own codec, so no native buffers to manage.
 * Works on the normalised CHW crop; grey crops are coded as grey, three-channel ones in colour.
 * Not thread-safe (one codec): one per worker; {@link #close()} releases the encoder.
 */
public final class JpegArtifacts implements AutoCloseable {
    /** JPEG quality range, as in libjpeg's 1-100 scale. */
    public static final int MIN_QUALITY = 15, MAX_QUALITY = 60;

    private final float p;
    private final Normalization norm;
    private final int width, height;
    private final BufferedImage image;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** Made on first use (never when off) and kept: looking up and disposing a writer per crop cost more than coding it. */
    private ImageWriter writer;
    private ImageWriteParam param;

    public JpegArtifacts(float p, Normalization norm, int width, int height) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("JPEG probability must be in [0, 1], got " + p);
        if (norm.channels() != 1 && norm.channels() != 3) throw new IllegalArgumentException("JPEG needs 1 or 3 channels");
        this.p = p;
        this.norm = norm;
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, norm.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Codes the {@code channels * height * width} values at {@code off} in place, or draws nothing when off. */
    public void apply(float[] chw, int off, SplittableRandom rng) {
        if (p <= 0 || rng.nextDouble() >= p) return;
        int quality = MIN_QUALITY + rng.nextInt(MAX_QUALITY - MIN_QUALITY + 1);
        int ch = norm.channels(), n = width * height;
        WritableRaster raster = image.getRaster();
        for (int c = 0; c < ch; c++) {
            for (int i = 0; i < n; i++) {
                float v = norm.invert(c, chw[off + c * n + i]);
                raster.setSample(i % width, i / width, c, Math.max(0, Math.min(255, Math.round(v))));
            }
        }
        BufferedImage decoded = roundTrip(quality / 100f);
        WritableRaster back = decoded.getRaster();
        for (int c = 0; c < ch; c++) {
            for (int i = 0; i < n; i++) {
                chw[off + c * n + i] = norm.apply(c, back.getSample(i % width, i / width, c));
            }
        }
    }

    private BufferedImage roundTrip(float quality) {
        if (writer == null) {
            writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        }
        try {
            bytes.reset();
            param.setCompressionQuality(quality);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            if (decoded == null || decoded.getWidth() != width || decoded.getHeight() != height) {
                throw new IllegalStateException("the JDK's JPEG codec returned no " + width + "x" + height + " image");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip in memory failed", e);
        }
    }

    @Override
    public void close() {
        if (writer != null) writer.dispose();
        writer = null;
    }
}
