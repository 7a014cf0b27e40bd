package dev.facemark.batch.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One batch job as a front end (the {@code batch} command line) hands it to {@link BatchJob#run}.
 *
 * @param input        a folder, glob, manifest or one video (see {@link VideoInputs})
 * @param settings     what every task needs (its model name still empty: the driver fills it in once the model is open)
 * @param settingsLine the tracking options that change results, canonical, for {@code OUT/_settings.txt}: a rerun
 *                     into the same folder must use the same
 * @param master       the Spark master, or null: {@code local[*]}, or what spark-submit was given
 * @param sparkConf    Spark settings to start with
 * @param progress     progress lines on stderr
 */
public record BatchRequest(String input, BatchSettings settings, String settingsLine, String master, Map<String, String> sparkConf,
                           boolean progress) {
    public BatchRequest {
        sparkConf = Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf)); // in the order given
    }
}
