package dev.facemark.trainer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The UNet's 1x1 conv + depth-to-space is exactly a 2x2 stride-2 transposed convolution. */
class UpConvTest {
    @Test
    void oneByOneConvPlusDepthToSpaceEqualsTransposedConv() {
        int cin = 3, cout = 2, h = 3, w = 4;
        Random r = new Random(5);
        float[] wt = new float[cin * cout * 4];   // ConvTranspose2d weight [cin, cout, 2, 2]
        float[] bias = new float[cout];
        float[] x = new float[cin * h * w];
        for (int i = 0; i < wt.length; i++) wt[i] = (float) r.nextGaussian();
        for (int i = 0; i < bias.length; i++) bias[i] = (float) r.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        // reference: y[o, 2i+a, 2j+b] = bias[o] + sum_c x[c, i, j] * W[c, o, a, b]
        float[] ref = new float[cout * 2 * h * 2 * w];
        for (int o = 0; o < cout; o++)
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++)
                    for (int a = 0; a < 2; a++)
                        for (int b = 0; b < 2; b++) {
                            float s = bias[o];
                            for (int c = 0; c < cin; c++) s += x[(c * h + i) * w + j] * wt[((c * cout + o) * 2 + a) * 2 + b];
                            ref[(o * 2 * h + 2 * i + a) * 2 * w + 2 * j + b] = s;
                        }
        // the same weights laid out for the 1x1 conv: output channel o*4 + a*2 + b
        float[] w1 = new float[4 * cout * cin];
        float[] b1 = new float[4 * cout];
        for (int o = 0; o < cout; o++)
            for (int k = 0; k < 4; k++) {
                b1[o * 4 + k] = bias[o];
                for (int c = 0; c < cin; c++) w1[(o * 4 + k) * cin + c] = wt[(c * cout + o) * 4 + k];
            }
        Layer up = Blocks.upConv2x2(cin, cout);
        assertArrayEquals(new long[] {cout, 2 * h, 2 * w}, up.outputShape(new long[] {cin, h, w}));
        LayerBlock block = new LayerBlock(up);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, cin, h, w));
            LayerBlock conv = block.parts().get(0);
            conv.parameterArray("weight").set(FloatBuffer.wrap(w1));
            conv.parameterArray("bias").set(FloatBuffer.wrap(b1));
            float[] y = block.forward(new ai.djl.training.ParameterStore(m, false),
                    new NDList(m.create(x, new Shape(1, cin, h, w))), false).singletonOrThrow().toFloatArray();
            assertEquals(ref.length, y.length);
            for (int i = 0; i < y.length; i++) assertEquals(ref[i], y[i], 1e-5f, "element " + i);
            assertEquals(List.of(), block.parts().get(1).parts());
        }
    }
}
