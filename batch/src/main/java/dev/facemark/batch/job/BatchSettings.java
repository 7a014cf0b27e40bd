package dev.facemark.batch.job;

import dev.facemark.tracker.app.TrackingSetup;

import java.io.Serializable;
import java.util.List;

/**
 * What every task needs, shipped from the driver.
 *
 * @param tracking    the model, detector, runtime and tracking parameters each executor opens (periodic detection in
 *                    line unless asked for in the background: deterministic rows)
 * @param trackerArgs the model and tracking options as typed, recorded in each landmarks file's metadata
 * @param output      the output folder (local path or Hadoop URI)
 * @param openface    also write an OpenFace CSV per video
 * @param prefetch    decode one frame ahead on a second thread
 * @param model       the {@code model} column: the model's name from its contract (empty until the driver has opened it)
 */
public record BatchSettings(TrackingSetup tracking, List<String> trackerArgs, String output, boolean openface, boolean prefetch,
                            String model) implements Serializable {
    public BatchSettings {
        trackerArgs = List.copyOf(trackerArgs);
    }

    /** The same settings with the {@code model} column's name. */
    public BatchSettings withModel(String name) {
        return new BatchSettings(tracking, trackerArgs, output, openface, prefetch, name);
    }
}
