package dev.facemark.core.geom;

/**
 * The affine map between a (possibly rotated) rectangle in a source image and a model input of
 * {@code width x height} pixels, and its exact inverse.
 *
 * <p>Pixel-centre convention, on both sides: 0-based, the centre of the top-left pixel is (0, 0),
 * so an image of width W spans [-0.5, W - 0.5]. This is OpenCV's {@code warpAffine} convention,
 * which is why the same 2x3 matrix serves the warp and the point transforms.
 *
 * <p>Source point p maps to input point q = S * R(-angle) * (p - c) + (W/2 - 0.5, H/2 - 0.5), with
 * S = diag(W / cropWidth, H / cropHeight): the crop's centre c lands on the input's centre.
 */
public final class CropTransform {
    private final float cx, cy, cropW, cropH, angle;
    private final int width, height;
    // forward source->input: u = a*x + b*y + c ; v = d*x + e*y + f
    private final double a, b, c, d, e, f;
    // inverse input->source
    private final double ia, ib, ic, id, ie, iff;

    /**
     * @param cx     crop centre x in source pixels
     * @param cy     crop centre y in source pixels
     * @param cropW  crop width in source pixels
     * @param cropH  crop height in source pixels
     * @param angle  crop rotation in radians; positive turns the crop's x axis from +x towards +y
     *               (clockwise on screen), so an in-plane roll of the face by {@code angle} is undone
     * @param width  model input width
     * @param height model input height
     */
    public CropTransform(float cx, float cy, float cropW, float cropH, float angle, int width, int height) {
        if (!(cropW > 0 && cropH > 0)) throw new IllegalArgumentException("crop size must be positive: " + cropW + "x" + cropH);
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("input size must be positive");
        this.cx = cx; this.cy = cy; this.cropW = cropW; this.cropH = cropH; this.angle = angle;
        this.width = width; this.height = height;
        double sx = width / (double) cropW, sy = height / (double) cropH;
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double ox = width / 2.0 - 0.5, oy = height / 2.0 - 0.5;
        // R(-angle) = [[cos, sin], [-sin, cos]]
        a = sx * cos; b = sx * sin; c = ox - a * cx - b * cy;
        d = -sy * sin; e = sy * cos; f = oy - d * cx - e * cy;
        // inverse: p = c + R(angle) * diag(1/sx, 1/sy) * (q - o)
        ia = cos / sx; ib = -sin / sy; ic = cx - ia * ox - ib * oy;
        id = sin / sx; ie = cos / sy; iff = cy - id * ox - ie * oy;
    }

    /** A copy of {@code base} whose forward map is replaced by {a, b, c, d, e, f} (inverse derived). */
    private CropTransform(CropTransform base, double[] m) {
        this.cx = base.cx; this.cy = base.cy; this.cropW = base.cropW; this.cropH = base.cropH; this.angle = base.angle;
        this.width = base.width; this.height = base.height;
        a = m[0]; b = m[1]; c = m[2]; d = m[3]; e = m[4]; f = m[5];
        double det = a * e - b * d;
        if (!(Math.abs(det) > 1e-12)) throw new IllegalArgumentException("singular crop transform");
        ia = e / det; ib = -b / det; id = -d / det; ie = a / det;
        ic = -(ia * c + ib * f); iff = -(id * c + ie * f);
    }

    /**
     * This crop followed by a horizontal shear of the input about its centre: u' = u + k * (v - centre).
     * Training augmentation composes shear into the same affine so the image is resampled once; the
     * nominal centre, size and angle stay those of this crop.
     */
    public CropTransform withShear(float k) {
        double oy = height / 2.0 - 0.5;
        // K = [[1, k], [0, 1]] applied after the forward map, about the input centre (K moves the centre row by 0).
        return new CropTransform(this, new double[] {a + k * d, b + k * e, c + k * (f - oy), d, e, f});
    }

    /**
     * This crop seen in a mirror: the model input is flipped left-right (u' = width - 1 - u, pixel
     * centres), so the cropper produces the mirrored face and {@link #toSource} maps the mirrored
     * input's points straight back to the source. For flip test-time augmentation, where point i of
     * the mirrored input is the scheme's mirror partner of point i of the face.
     */
    public CropTransform mirrored() {
        double w1 = width - 1.0;
        return new CropTransform(this, new double[] {-a, -b, w1 - c, d, e, f});
    }

    /** The same crop (centre, size, angle; not a shear) moved by (dx, dy) source pixels: where a moving face will be next frame. */
    public CropTransform shifted(float dx, float dy) {
        return new CropTransform(cx + dx, cy + dy, cropW, cropH, angle, width, height);
    }

    /** Axis-aligned square crop of side {@code side} centred on (cx, cy). */
    public static CropTransform square(float cx, float cy, float side, int width, int height) {
        return new CropTransform(cx, cy, side, side, 0f, width, height);
    }

    public int width() { return width; }
    public int height() { return height; }
    public float centreX() { return cx; }
    public float centreY() { return cy; }
    public float cropWidth() { return cropW; }
    public float cropHeight() { return cropH; }
    public float angle() { return angle; }

    /** Source-to-input matrix, row-major 2x3: {a, b, c, d, e, f}. */
    public double[] forwardMatrix() { return new double[] {a, b, c, d, e, f}; }

    /** Input-to-source matrix, row-major 2x3 (what {@code warpAffine} needs with WARP_INVERSE_MAP). */
    public double[] inverseMatrix() { return new double[] {ia, ib, ic, id, ie, iff}; }

    /** Maps interleaved source points into input space, in place into {@code out} (may be {@code xy}). */
    public float[] toInput(float[] xy, float[] out) {
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double x = xy[i], y = xy[i + 1];
            out[i] = (float) (a * x + b * y + c);
            out[i + 1] = (float) (d * x + e * y + f);
        }
        return out;
    }

    public float[] toInput(float[] xy) { return toInput(xy, new float[xy.length]); }

    /** Maps interleaved input-space points back to the source image, into {@code out} (may be {@code xy}). */
    public float[] toSource(float[] xy, float[] out) {
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double u = xy[i], v = xy[i + 1];
            out[i] = (float) (ia * u + ib * v + ic);
            out[i + 1] = (float) (id * u + ie * v + iff);
        }
        return out;
    }

    public float[] toSource(float[] xy) { return toSource(xy, new float[xy.length]); }

    /** Source pixels per input pixel (the crop's downscale factor along x). */
    public float sourcePixelsPerInputPixel() { return cropW / width; }

    @Override
    public String toString() {
        return String.format("Crop[c=(%.1f,%.1f) %.1fx%.1f angle=%.3f -> %dx%d]", cx, cy, cropW, cropH, angle, width, height);
    }
}
