package dev.facemark.trainer.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.facemark.core.model.ModelContract;
import dev.facemark.trainer.model.Checkpoint;
import dev.facemark.trainer.model.LandmarkNet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run folder's checkpoints: {@code checkpoints/epoch-NNNN/} (a {@link Checkpoint} folder, which
 * {@code trainer export} reads, plus optimizer moments and run state),
 * written to a temporary folder and renamed, so a kill mid-write never leaves a half checkpoint;
 * {@code checkpoints/latest} names the newest; {@code best/} holds the weights of the best
 * validation epoch. The last {@value #KEEP} epochs are kept. With a weight average on, the epoch folders keep the
 * raw weights (so resume continues the same training) and the average in {@value WeightAverage#FILE};
 * {@code best/} holds the averaged weights, the ones that were validated.
 */
public final class Checkpoints {
    static final int KEEP = 2;
    public static final String PARAMS = Checkpoint.PREFIX;
    private final Path dir, best;

    public Checkpoints(Path runDir) {
        this.dir = runDir.resolve("checkpoints");
        this.best = runDir.resolve("best");
    }

    public Path bestDir() { return best; }

    public void save(int epoch, Model model, LandmarkNet net, ModelContract contract, ResumableAdam optimizer, WeightAverage average,
                     RunState state, boolean isBest) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("epoch-%04d", epoch);
        Path tmp = dir.resolve(".tmp-" + name);
        deleteTree(tmp);
        Files.createDirectories(tmp);
        model.setProperty("Epoch", Integer.toString(epoch));
        Checkpoint.save(tmp, model, net, contract); // exportable as is: trainer export --checkpoint <dir>
        optimizer.save(tmp.resolve("optimizer.bin"));
        average.save(tmp.resolve(WeightAverage.FILE));
        state.write(tmp.resolve("state.json"));
        Path target = dir.resolve(name);
        deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        Path latestTmp = dir.resolve("latest.tmp");
        Files.writeString(latestTmp, name + "\n");
        Files.move(latestTmp, dir.resolve("latest"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (isBest) {
            Path bt = best.resolveSibling(".best.tmp");
            deleteTree(bt);
            Files.createDirectories(bt);
            average.applied(() -> {
                Checkpoint.save(bt, model, net, contract);
                return bt;
            });
            state.write(bt.resolve("state.json"));
            deleteTree(best);
            Files.move(bt, best, StandardCopyOption.ATOMIC_MOVE);
        }
        prune();
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() throws IOException {
        Path l = dir.resolve("latest");
        if (!Files.isRegularFile(l)) return Optional.empty();
        Path c = dir.resolve(Files.readString(l).trim());
        return Files.isDirectory(c) ? Optional.of(c) : Optional.empty();
    }

    /** Loads weights (and, when given, optimizer moments) from a checkpoint folder; returns its run state. */
    public static RunState load(Path checkpoint, Model model, ResumableAdam optimizer) throws IOException {
        try {
            model.load(checkpoint, PARAMS);
        } catch (MalformedModelException e) {
            throw new IOException(checkpoint + ": weights do not fit this architecture: " + e.getMessage(), e);
        }
        if (optimizer != null) optimizer.load(checkpoint.resolve("optimizer.bin"));
        return RunState.read(checkpoint.resolve("state.json"));
    }

    private void prune() throws IOException {
        List<Path> epochs;
        try (Stream<Path> s = Files.list(dir)) {
            epochs = s.filter(p -> p.getFileName().toString().startsWith("epoch-")).sorted(Comparator.reverseOrder()).toList();
        }
        for (int i = KEEP; i < epochs.size(); i++) deleteTree(epochs.get(i));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try { Files.delete(f); } catch (IOException e) { throw new UncheckedIOException(e); }
            });
        }
    }
}
