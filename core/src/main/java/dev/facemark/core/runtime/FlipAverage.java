package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.points.PointScheme;

/**
 * Flip test-time augmentation's fold: faces {@code count..2count-1} of a batch are the mirrored crops of faces
 * {@code 0..count-1}; each point becomes the mean of its answer and its mirror partner's answer in the
 * mirrored crop (the mirrored crop's source mapping already undid the flip of the pixels).
 */
final class FlipAverage {
    private FlipAverage() {}

    /** Doubles {@code crops} into {@code into}: the crops, then their mirrored twins. */
    static CropTransform[] withMirrored(CropTransform[] crops, int count, CropTransform[] into) {
        CropTransform[] all = into.length >= 2 * count ? into : new CropTransform[2 * count];
        for (int i = 0; i < count; i++) {
            all[i] = crops[i];
            all[count + i] = crops[i].mirrored();
        }
        return all;
    }

    /** Folds the mirrored half into the first and keeps {@code count} faces; heatmaps and scores stay the unmirrored pass's. */
    static void fold(Predictions p, CropTransform[] crops, int count, PointScheme scheme) {
        for (int i = 0; i < count; i++) {
            float[] xy = p.landmarkSlot(i), mirror = p.landmarkSlot(count + i);
            for (int q = 0; q < scheme.count(); q++) {
                int m = scheme.mirrorOf(q);
                xy[2 * q] = 0.5f * (xy[2 * q] + mirror[2 * m]);
                xy[2 * q + 1] = 0.5f * (xy[2 * q + 1] + mirror[2 * m + 1]);
            }
            crops[i].toInput(xy, p.inputSlot(i));
        }
        p.truncate(count);
    }
}
