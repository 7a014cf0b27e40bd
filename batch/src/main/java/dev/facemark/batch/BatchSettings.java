package dev.facemark.batch;

import java.io.Serializable;
import java.util.List;

/**
 * What every task needs, shipped from the driver.
 *
 * @param trackerArgs    the model and tracking options as typed (parsed again on the executors, where the model opens)
 * @param output         the output folder (local path or Hadoop URI)
 * @param openface       also write an OpenFace CSV per video
 * @param prefetch       decode one frame ahead on a second thread
 * @param asyncDetection periodic detection in the background (as {@code tracker video} does by default); off: deterministic rows
 * @param model          the {@code model} column: the model's name from its contract
 */
public record BatchSettings(List<String> trackerArgs, String output, boolean openface, boolean prefetch, boolean asyncDetection,
                            String model) implements Serializable {
    public BatchSettings {
        trackerArgs = List.copyOf(trackerArgs);
    }
}
