package dev.facemark.trainer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.facemark.core.data.DatasetSplit;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.KeptMemory;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.augment.AugmentConfig;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.onnx.OnnxWeights;
import dev.facemark.trainer.data.Batch;
import dev.facemark.trainer.data.BatchPipeline;
import dev.facemark.trainer.data.CropSpec;
import dev.facemark.trainer.data.DetectorBoxes;
import dev.facemark.trainer.data.ImageCache;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.report.LineChart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * One training run in a run folder: data split, background batch pipeline, the optimisation loop
 * with warmup + cosine learning rate, validation NME each epoch, early stopping, a checkpoint every
 * epoch (resumable after a kill), {@code log.csv}, {@code loss.png}, and the best weights in {@code best/}.
 */
public final class TrainingRun {
    /** What a finished (or stopped) run leaves behind. */
    public record Result(RunState state, Path runDir, LandmarkNet net, ModelContract contract, boolean earlyStopped) { }

    /** Called after the last epoch with the best weights loaded into {@code net}; may export ONNX. */
    public interface Finisher {
        void finish(Result result, TrainConfig config) throws IOException;
    }

    private final TrainConfig cfg;
    private final Path runDir;
    private final PrintStream log;
    private final boolean progress;
    private Function<ArchConfig, LandmarkNet> networks;
    private Finisher finisher;
    private int stopAfterEpochs = Integer.MAX_VALUE;
    private Path init;

    public TrainingRun(TrainConfig cfg, Path runDir, PrintStream log, boolean progress) {
        this.cfg = cfg;
        this.runDir = runDir;
        this.log = log;
        this.progress = progress;
        this.networks = a -> Architectures.create(cfg.arch(), a);
    }

    /** Uses another network builder (tests use a tiny block). */
    public TrainingRun withNetworks(Function<ArchConfig, LandmarkNet> networks) { this.networks = networks; return this; }

    public TrainingRun withFinisher(Finisher f) { this.finisher = f; return this; }

    /**
     * Starts from the weights of an ONNX model this trainer exported (same architecture and options) instead
     * of a random initialisation; ignored when the run resumes from a checkpoint. Recorded in the provenance.
     */
    public TrainingRun initFrom(Path onnx) { this.init = onnx; return this; }

    /** Stops (as if killed) after this many epochs in this process; for resume tests. */
    public TrainingRun stopAfter(int epochs) { this.stopAfterEpochs = epochs; return this; }

    public static ArchConfig archConfig(TrainConfig cfg) {
        ArchConfig d;
        try {
            d = Architectures.defaults(cfg.arch());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        int w = cfg.inputWidth() > 0 ? cfg.inputWidth() : d.width();
        int h = cfg.inputHeight() > 0 ? cfg.inputHeight() : d.height();
        int c = cfg.channels() > 0 ? cfg.channels() : d.channels();
        Map<String, String> options = new TreeMap<>(d.options());
        options.putAll(cfg.archOptions());
        return new ArchConfig(w, h, c, d.points(), options);
    }

    public static CropSpec cropSpec(ArchConfig a, boolean augment) {
        PointScheme scheme = a.points() == 1 ? PointScheme.NOSE_TIP : PointScheme.IBUG_68;
        Normalization norm = a.channels() == 1 ? Normalization.GREY_UNIT : Normalization.RGB_UNIT;
        return new CropSpec(scheme, a.width(), a.height(), norm, BoxPolicy.DEFAULT, augment ? AugmentConfig.DEFAULT : AugmentConfig.NONE);
    }

    public Result run(boolean resume) throws IOException {
        Files.createDirectories(runDir);
        writeConfig();
        log.println(KeptMemory.describe());
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(cfg.threads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        ArchConfig arch = archConfig(cfg);
        CropSpec spec = cropSpec(arch, cfg.augment());
        DatasetSplit split = TrainingData.split(cfg, log);
        Engine engine = Engine.getEngine("PyTorch");
        // The property above only counts when this call starts the engine; where the JVM started it before (a second
        // run, the test suite), the run would keep the earlier thread count and lose --threads and run-to-run determinism.
        if (cfg.threads() > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.threads());
        engine.setRandomSeed((int) cfg.seed());
        LandmarkNet net;
        try {
            net = networks.apply(arch);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(cfg.arch() + ": " + e.getMessage());
        }
        log.println("model: " + net);
        CoordinateLoss lossFn = CoordinateLoss.parse(cfg.loss());
        float size = Math.max(arch.width(), arch.height());
        Checkpoints checkpoints = new Checkpoints(runDir);

        DetectorBoxes detections = TrainingData.detectorBoxes(cfg, split, runDir, log);
        try (ImageCache images = new ImageCache((long) cfg.cacheMb() << 20);
             BatchPipeline train = new BatchPipeline(split.train().samples(), spec, cfg.batch(), cfg.workers(), 4, images, cfg.seed());
             BatchPipeline val = new BatchPipeline(split.validation().samples(), spec.withAugment(AugmentConfig.NONE),
                     cfg.batch(), cfg.workers(), 2, images, cfg.seed());
             Model model = Model.newInstance(cfg.arch(), Device.cpu(), "PyTorch");
             NDManager stateManager = model.getNDManager().newSubManager()) {
            if (detections != null) train.withDetectorBoxes(detections, cfg.detectorBoxes());
            model.setBlock(net.block());
            ResumableAdam opt = new ResumableAdam(cfg.optimizer().equalsIgnoreCase("adamw"), cfg.lr(), cfg.weightDecay(), stateManager);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(opt).optDevices(new Device[] {Device.cpu()});
            long stepsPerEpoch = train.batchCount(true);
            LearningRateSchedule schedule = new LearningRateSchedule(cfg.lr(),
                    Math.round(cfg.warmupEpochs() * stepsPerEpoch), stepsPerEpoch * cfg.epochs(), 0.01f);
            net.initialize(model.getNDManager());
            opt.bind(net.block().getParameters());
            RunState state = RunState.fresh();
            Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
            if (resume && latest.isEmpty()) log.println("resume: no checkpoint in " + runDir + ", starting fresh");
            if (init != null && latest.isEmpty()) {
                long values = OnnxWeights.load(net, init);
                Files.writeString(runDir.resolve(INIT_FILE), OnnxWeights.describe(init) + "\n");
                log.printf(Locale.ROOT, "init: %,d weights from %s%n", values, OnnxWeights.describe(init));
            }
            if (latest.isPresent()) {
                // Before the Trainer exists: loading replaces the parameter arrays, and a Trainer caches the arrays it saw.
                state = Checkpoints.load(latest.get(), model, opt);
                log.printf(Locale.ROOT, "resume: %s (epoch %d done, step %d, best val NME %.4f)%n",
                        latest.get().getFileName(), state.epochsDone(), state.globalStep(), state.bestValNme());
            }
            GradientGuard guard = new GradientGuard(GradientGuard.resolveNorm(cfg.clipGrad(),
                    net.outputKind() == OutputKind.COORDINATES), GradientGuard.DEFAULT_MAX_CONSECUTIVE_SKIPS);
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(net.inputShape(cfg.batch()));
                ProgressBar bar = new ProgressBar(System.err, progress);
                TrainStep stepper = new TrainStep(trainer, arch, spec, lossFn, size, guard);
                boolean early = false;
                int ranHere = 0;
                while (state.epochsDone() < cfg.epochs() && ranHere < stopAfterEpochs) {
                    if (cfg.patience() > 0 && state.epochsSinceBest() >= cfg.patience()) { early = true; break; }
                    int epoch = state.epochsDone();
                    long skippedBefore = guard.skipped(), clippedBefore = guard.clipped();
                    long t0 = System.nanoTime();
                    EpochSteps done = trainEpoch(stepper, train, epoch, state.globalStep(), schedule, opt, bar);
                    Validation.Result v = Validation.run(trainer, val, lossFn, size);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    EpochRecord rec = new EpochRecord(epoch + 1, done.lossSum() / Math.max(1, done.seen()), v.loss(), v.nme(),
                            done.lastLr(), done.seen() / done.seconds(), seconds);
                    boolean better = rec.valNme() < state.bestValNme();
                    state = state.after(rec, done.endStep());
                    checkpoints.save(epoch + 1, model, net, contract(net, spec, state), opt, state, better);
                    EpochLog.write(runDir.resolve("log.csv"), state.history());
                    lossChart(state);
                    bar.finish(String.format(Locale.ROOT,
                            "epoch %d/%d train loss %.5f val loss %.5f val NME %.4f%s lr %.2e %.0f img/s %.0fs%s",
                            rec.epoch(), cfg.epochs(), rec.trainLoss(), rec.valLoss(), rec.valNme(), better ? "*" : "",
                            rec.lr(), rec.imagesPerSecond(), seconds, guardNote(guard, skippedBefore, clippedBefore)));
                    ranHere++;
                }
                if (early) log.printf(Locale.ROOT, "early stop: no better validation NME for %d epochs%n", cfg.patience());
                boolean finished = state.epochsDone() >= cfg.epochs() || early;
                if (finished && Files.isDirectory(checkpoints.bestDir())) {
                    Checkpoints.load(checkpoints.bestDir(), model, null);
                }
                Result result = new Result(state, runDir, net, contract(net, spec, state), early);
                if (finished && finisher != null) finisher.finish(result, cfg);
                return result;
            }
        }
    }

    private static String guardNote(GradientGuard g, long skippedBefore, long clippedBefore) {
        long s = g.skipped() - skippedBefore, c = g.clipped() - clippedBefore;
        return (s > 0 ? ", " + s + " non-finite steps skipped" : "") + (c > 0 ? ", " + c + " steps clipped to norm " + g.maxNorm() : "");
    }

    /** What one epoch of steps added up to. */
    private record EpochSteps(double lossSum, int seen, long endStep, float lastLr, double seconds) { }

    /** The training half of an epoch: every batch, each with the schedule's learning rate, one step each. */
    private EpochSteps trainEpoch(TrainStep stepper, BatchPipeline train, int epoch, long startStep,
                                  LearningRateSchedule schedule, ResumableAdam opt, ProgressBar bar) {
        long t0 = System.nanoTime();
        double lossSum = 0;
        int seen = 0, steps = 0;
        long step = startStep;
        float lr = cfg.lr();
        try (BatchPipeline.Epoch e = train.epoch(epoch, true)) {
            Batch b;
            while ((b = e.next()) != null) {
                lr = schedule.at(step);
                opt.setLearningRate(lr);
                TrainStep.Result r;
                try {
                    r = stepper.run(b, e);
                } catch (GradientGuard.DivergedException d) {
                    throw new BadInputException(d.getMessage() + " (epoch " + (epoch + 1) + " step " + steps
                            + "): lower --lr (now " + cfg.lr() + ") or set --clip-grad");
                }
                if (r.outcome() != GradientGuard.Outcome.SKIPPED) {
                    lossSum += r.loss() * cfg.batch();
                    seen += cfg.batch();
                }
                steps++;
                step++;
                double el = (System.nanoTime() - t0) / 1e9;
                bar.update(epoch + 1, cfg.epochs(), steps, e.batches(), lossSum / seen, seen / el,
                        el / steps * (e.batches() - steps));
            }
        }
        return new EpochSteps(lossSum, seen, step, lr, (System.nanoTime() - t0) / 1e9);
    }

    /** Where a warm-started run notes the model it started from (kept across resumes). */
    static final String INIT_FILE = "init_from.txt";

    /** The model contract written with every checkpoint and into the exported ONNX file. */
    ModelContract contract(LandmarkNet net, CropSpec spec, RunState state) {
        Map<String, String> prov = new TreeMap<>();
        prov.put("trained_on", String.join(",", cfg.datasets()) + " (train splits; validation held out by clip)");
        prov.put("epochs", Integer.toString(state.epochsDone()));
        prov.put("best_epoch", Integer.toString(state.bestEpoch()));
        if (state.bestEpoch() > 0) prov.put("val_nme_inter_ocular", String.format(Locale.ROOT, "%.5f", state.bestValNme()));
        prov.put("optimizer", cfg.optimizer() + " lr " + cfg.lr() + " wd " + cfg.weightDecay() + ", loss " + cfg.loss());
        prov.put("seed", Long.toString(cfg.seed()));
        prov.put("run", runDir.getFileName() == null ? runDir.toString() : runDir.getFileName().toString());
        Path initNote = runDir.resolve(INIT_FILE);
        if (Files.isRegularFile(initNote)) {
            try { prov.put("init_from", Files.readString(initNote).trim()); } catch (IOException ignored) { /* provenance note only */ }
        }
        prov.put("terms", "trained on 300-W (iBUG annotations: research use only, no commercial use) and YouTube Faces");
        return net.contract("facemark-" + cfg.arch(), spec.scheme(), spec.normalization(), spec.boxPolicy(), prov);
    }

    private void lossChart(RunState state) {
        LineChart c = new LineChart("Loss (" + cfg.arch() + ", " + cfg.loss() + ")", "epoch", "loss").logY();
        for (EpochRecord r : state.history()) {
            c.add("train", r.epoch(), r.trainLoss());
            c.add("validation", r.epoch(), r.valLoss());
        }
        try {
            c.write(runDir.resolve("loss.png"), 800, 500);
        } catch (IOException | RuntimeException ex) {
            log.println("warning: could not draw loss.png: " + ex.getMessage());
        }
    }

    private void writeConfig() throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(runDir.resolve("config.json").toFile(), cfg);
    }

    public static TrainConfig readConfig(Path runDir) throws IOException {
        Path f = runDir.resolve("config.json");
        if (!Files.isRegularFile(f)) throw new BadInputException("no config.json in " + runDir + ": not a run folder (train with --out first)");
        return new ObjectMapper().readValue(f.toFile(), TrainConfig.class);
    }
}
