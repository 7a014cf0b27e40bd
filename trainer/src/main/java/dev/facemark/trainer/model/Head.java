package dev.facemark.trainer.model;

import dev.facemark.core.geom.PixelCentres;

/**
 * How a network's body output becomes landmarks [N, P, 2] in model-input pixel coordinates (pixel-centre
 * convention of {@link dev.facemark.core.geom.CropTransform}: 0-based, top-left pixel centre at (0, 0)).
 */
public sealed interface Head {
    int points();

    /** The per-sample body output shape this head expects. */
    long[] bodyShape();

    /**
     * Regression head. The body predicts 2P normalised values u (interleaved x, y); pixels are
     * {@code x = u_x * scaleX + offsetX}, {@code y = u_y * scaleY + offsetY}. With {@link #centred} u = 0 is the
     * input centre and u = +-1 the outer pixel edges, so targets are O(1) and training is well conditioned.
     */
    record Coordinates(int points, float scaleX, float offsetX, float scaleY, float offsetY) implements Head {
        /** u in [-1, 1] spans the input's full extent [-0.5, W - 0.5]. */
        public static Coordinates centred(int points, int width, int height) {
            return new Coordinates(points, width / 2f, width / 2f - 0.5f, height / 2f, height / 2f - 0.5f);
        }
        @Override public long[] bodyShape() { return new long[] {2L * points}; }
    }

    /**
     * Heatmap head: the body gives P logit maps [P, h, w]; a softmax over each map's h*w pixels gives a
     * probability map, and the soft-argmax (expectation of the pixel-centre grid) gives the landmark. Heatmap
     * pixel j covers input pixels [j*W/w, (j+1)*W/w), so its centre is at input x = (j + 0.5) * W / w - 0.5.
     */
    record Heatmaps(int points, int width, int height, int inputWidth, int inputHeight) implements Head {
        @Override public long[] bodyShape() { return new long[] {points, height, width}; }

        public float gridX(int j) { return PixelCentres.map(j, width, inputWidth); }
        public float gridY(int i) { return PixelCentres.map(i, height, inputHeight); }

        /** [h*w, 2] row-major: for pixel (i, j) at row i*w + j, its (x, y) centre in input pixels. */
        public float[] grid() {
            float[] g = new float[width * height * 2];
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    g[2 * (i * width + j)] = gridX(j);
                    g[2 * (i * width + j) + 1] = gridY(i);
                }
            }
            return g;
        }
    }
}
