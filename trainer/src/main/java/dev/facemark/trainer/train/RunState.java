package dev.facemark.trainer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands after its last completed epoch: what resume needs besides the weights and
 * optimizer moments. Saved as JSON in each checkpoint.
 *
 * @param epochsDone        completed epochs (the next epoch to run has this index)
 * @param globalStep        optimizer steps taken (drives the learning-rate schedule)
 * @param bestValNme        best validation NME so far
 * @param bestEpoch         epoch (1-based count) that reached it, 0 if none
 * @param epochsSinceBest   epochs since the best one (early stopping)
 * @param history           one record per completed epoch
 */
public record RunState(int epochsDone, long globalStep, double bestValNme, int bestEpoch, int epochsSinceBest,
                       List<EpochRecord> history) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunState fresh() { return new RunState(0, 0, Double.MAX_VALUE, 0, 0, List.of()); }

    public RunState {
        history = List.copyOf(history);
    }

    public RunState after(EpochRecord r, long globalStep) {
        List<EpochRecord> h = new ArrayList<>(history);
        h.add(r);
        boolean better = r.valNme() < bestValNme;
        return new RunState(r.epoch(), globalStep, better ? r.valNme() : bestValNme, better ? r.epoch() : bestEpoch,
                better ? 0 : epochsSinceBest + 1, h);
    }

    public void write(Path file) throws IOException { JSON.writeValue(file.toFile(), this); }

    public static RunState read(Path file) throws IOException { return JSON.readValue(file.toFile(), RunState.class); }
}
