package dev.facemark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The trainable DJL block of a landmark network: body then head. Input NDList{input [N, C, H, W]}; output
 * NDList{landmarks [N, P, 2]} in input pixels, plus {@code heatmaps [N, P, h, w]} (probabilities) for heatmap heads.
 * The head has no parameters: its affine map or coordinate grid is fixed by the {@link Head} record.
 */
public final class LandmarkBlock extends AbstractBlock {
    private final Block body;
    private final Head head;

    public LandmarkBlock(Block body, Head head) {
        this.body = addChildBlock("body", body);
        this.head = head;
    }

    public Block body() { return body; }
    public Head head() { return head; }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray out = body.forward(ps, inputs, training, params).singletonOrThrow();
        long n = out.getShape().get(0);
        NDManager m = out.getManager();
        int p = head.points();
        if (head instanceof Head.Coordinates c) {
            NDArray scale = NativeConstants.of(m, new float[] {c.scaleX(), c.scaleY()}, new Shape(2));
            NDArray offset = NativeConstants.of(m, new float[] {c.offsetX(), c.offsetY()}, new Shape(2));
            return new NDList(out.reshape(n, p, 2).mul(scale).add(offset));
        }
        Head.Heatmaps h = (Head.Heatmaps) head;
        NDArray prob = out.reshape(n, p, (long) h.width() * h.height()).softmax(-1);
        NDArray grid = NativeConstants.of(m, h.grid(), new Shape((long) h.width() * h.height(), 2));
        NDArray landmarks = prob.matMul(grid);
        return new NDList(landmarks, prob.reshape(n, p, h.height(), h.width()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        Shape lm = new Shape(n, head.points(), 2);
        if (head instanceof Head.Heatmaps h) return new Shape[] {lm, new Shape(n, h.points(), h.height(), h.width())};
        return new Shape[] {lm};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
    }
}
