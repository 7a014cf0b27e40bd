package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.model.ModelContract;

import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The post-processing half of a landmark model (DJL's {@code Translator.processOutput}): which outputs a head
 * type has, and how one face's raw outputs become its slot of {@link Predictions}. One class per
 * {@link dev.facemark.core.model.OutputKind}, so a new head (heatmaps + offsets, say) is one more decoder.
 * The model pins the outputs it names and runs the decoders; nothing else reads output tensors.
 */
interface OutputDecoder {
    /** The outputs to pin for a batch of {@code n} faces, by name, with their shapes, in the graph's order. */
    Map<String, long[]> outputShapes(int n);

    /** Whether the answers carry heatmaps and per-point scores (sizes {@link Predictions}' slots). */
    boolean heatmaps();

    /**
     * Face {@code i} of the batch in {@code outputs} (the buffers of {@link #outputShapes}) into {@code p}'s slot
     * {@code face}: points in input and source pixels through {@code crop}, and whatever else the head gives.
     */
    void decode(Map<String, FloatBuffer> outputs, int i, CropTransform crop, Predictions p, int face);

    /** The decoder of the contract's output kind. */
    static OutputDecoder of(ModelContract c) {
        return switch (c.outputKind()) {
            case COORDINATES -> new CoordinateDecoder(c.points());
            case HEATMAPS -> new HeatmapDecoder(c.points(), c.heatmapWidth(), c.heatmapHeight());
        };
    }
}
