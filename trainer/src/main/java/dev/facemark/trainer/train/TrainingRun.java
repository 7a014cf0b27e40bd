package dev.facemark.trainer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
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
import dev.facemark.trainer.data.BatchPipeline;
import dev.facemark.trainer.data.CropSpec;
import dev.facemark.trainer.data.DetectorBoxes;
import dev.facemark.trainer.data.ImageCache;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.Head;
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
        TrainConfig.Network n = cfg.network();
        int w = n.inputWidth() > 0 ? n.inputWidth() : d.width();
        int h = n.inputHeight() > 0 ? n.inputHeight() : d.height();
        int c = n.channels() > 0 ? n.channels() : d.channels();
        Map<String, String> options = new TreeMap<>(d.options());
        options.putAll(n.options());
        return new ArchConfig(w, h, c, d.points(), options);
    }

    public static CropSpec cropSpec(ArchConfig a, AugmentConfig augment) {
        PointScheme scheme = a.points() == 1 ? PointScheme.NOSE_TIP : PointScheme.IBUG_68;
        Normalization norm = a.channels() == 1 ? Normalization.GREY_UNIT : Normalization.RGB_UNIT;
        return new CropSpec(scheme, a.width(), a.height(), norm, BoxPolicy.DEFAULT, augment);
    }

    public Result run(boolean resume) throws IOException {
        Files.createDirectories(runDir);
        RunConfigFile.write(runDir, cfg);
        log.println(KeptMemory.describe());
        Engine engine = startEngine();
        ArchConfig arch = archConfig(cfg);
        CropSpec spec = cropSpec(arch, cfg.data().augment() ? AugmentConfig.DEFAULT.withDegradations(cfg.data().motionBlur(), cfg.data().occlusion(), cfg.data().jpeg()) : AugmentConfig.NONE);
        DatasetSplit split = TrainingData.split(cfg, log);
        LandmarkNet net;
        try {
            net = networks.apply(arch);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(cfg.arch() + ": " + e.getMessage());
        }
        log.println("model: " + net);
        Checkpoints checkpoints = new Checkpoints(runDir);
        DetectorBoxes detections = TrainingData.detectorBoxes(cfg, split, runDir, log);
        TrainConfig.Compute compute = cfg.compute();
        TrainConfig.Optimisation o = cfg.optimisation();
        try (ImageCache images = new ImageCache((long) compute.cacheMb() << 20);
             BatchPipeline train = new BatchPipeline(split.train().samples(), spec, cfg.batch(), compute.workers(), 4, images, cfg.seed());
             BatchPipeline val = new BatchPipeline(split.validation().samples(), spec.withAugment(AugmentConfig.NONE),
                     cfg.batch(), compute.workers(), 2, images, cfg.seed());
             Model model = Model.newInstance(cfg.arch(), Device.cpu(), engine.getEngineName());
             NDManager stateManager = model.getNDManager().newSubManager()) {
            if (detections != null) train.withDetectorBoxes(detections, cfg.data().detectorBoxes());
            model.setBlock(net.block());
            ResumableAdam opt = new ResumableAdam(o.optimizer().decoupledWeightDecay(), cfg.lr(), o.weightDecay(), stateManager);
            net.initialize(model.getNDManager());
            opt.bind(net.block().getParameters());
            RunState start = restore(resume, checkpoints, net, model, opt);
            WeightAverage average = average(net, stateManager, resume ? checkpoints.latest() : Optional.empty());
            GradientGuard guard = new GradientGuard(GradientGuard.resolveNorm(o.clipGrad(),
                    net.outputKind() == OutputKind.COORDINATES), GradientGuard.DEFAULT_MAX_CONSECUTIVE_SKIPS);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(opt).optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc);
                 Teacher teacher = Teacher.load(o.distillation(), net, spec.normalization(), stateManager)) {
                trainer.initialize(net.inputShape(cfg.batch()));
                if (teacher != null) log.println("teacher: " + teacher.net() + ", " + OnnxWeights.describe(Path.of(o.distillation().teacher())));
                TrainStep stepper = new TrainStep(trainer, arch, spec, o.loss(), Math.max(arch.width(), arch.height()), guard,
                        o.heatmapPrior(), net.spec().head() instanceof Head.Heatmaps h ? h : null, teacher);
                EpochLoop loop = new EpochLoop(cfg.schedule(), trainer, stepper, train, val, opt, average, new ProgressBar(System.err, progress), log);
                EpochLoop.Outcome out = loop.run(start, stopAfterEpochs, (epoch, state, better) -> {
                    checkpoints.save(epoch, model, net, contract(net, spec, state), opt, average, state, better);
                    EpochLog.write(runDir.resolve("log.csv"), state.history());
                    lossChart(state);
                });
                RunState state = out.state();
                boolean finished = state.epochsDone() >= cfg.epochs() || out.earlyStopped();
                if (finished && Files.isDirectory(checkpoints.bestDir())) {
                    Checkpoints.load(checkpoints.bestDir(), model, null); // the averaged weights when the average is on
                } else if (finished) {
                    average.swap(); // no validation faces, so no best/: the average is still the model to export
                }
                Result result = new Result(state, runDir, net, contract(net, spec, state), out.earlyStopped());
                if (finished && finisher != null) finisher.finish(result, cfg);
                return result;
            }
        }
    }

    /**
     * PyTorch with the run's thread count and seed. The property only counts when this call starts the engine; where
     * the JVM started it before (a second run, the test suite), the run would keep the earlier thread count and lose
     * --threads and run-to-run determinism, hence the explicit set as well.
     */
    private Engine startEngine() {
        int threads = cfg.compute().threads();
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine = Engine.getEngine("PyTorch");
        if (threads > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        engine.setRandomSeed((int) cfg.seed());
        return engine;
    }

    /**
     * Where the run starts: its latest checkpoint when resuming (loaded before the Trainer exists, because loading
     * replaces the parameter arrays and a Trainer caches the arrays it saw), else fresh, from the {@code --init} model's
     * weights when one is given.
     */
    private RunState restore(boolean resume, Checkpoints checkpoints, LandmarkNet net, Model model, ResumableAdam opt) throws IOException {
        Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
        if (resume && latest.isEmpty()) log.println("resume: no checkpoint in " + runDir + ", starting fresh");
        if (latest.isPresent()) {
            RunState state = Checkpoints.load(latest.get(), model, opt);
            log.printf(Locale.ROOT, "resume: %s (epoch %d done, step %d, best val NME %.4f)%n",
                    latest.get().getFileName(), state.epochsDone(), state.globalStep(), state.bestValNme());
            return state;
        }
        if (init != null) {
            long values = OnnxWeights.load(net, init);
            Files.writeString(runDir.resolve(INIT_FILE), OnnxWeights.describe(init) + "\n");
            log.printf(Locale.ROOT, "init: %,d weights from %s%n", values, OnnxWeights.describe(init));
        }
        return RunState.fresh();
    }

    /**
     * The weight average ({@code --ema}), started from the weights the run starts from (after {@link #restore}: a
     * fresh init, the checkpoint's or the {@code --init} model's), then, on resume, the checkpoint's saved average;
     * a checkpoint from before the average was turned on has none, and the average starts from its weights.
     */
    private WeightAverage average(LandmarkNet net, NDManager manager, Optional<Path> checkpoint) throws IOException {
        float decay = cfg.optimisation().emaDecay();
        if (decay == 0) return WeightAverage.off();
        WeightAverage a = new WeightAverage(net.block().getParameters(), decay, manager);
        Path saved = checkpoint.map(c -> c.resolve(WeightAverage.FILE)).orElse(null);
        String from = "starts from the current weights";
        if (saved != null && Files.isRegularFile(saved)) {
            a.load(saved);
            from = String.format(Locale.ROOT, "resumed after %,d updates", a.updates());
        } else if (saved != null) {
            from = "no " + WeightAverage.FILE + " in the checkpoint, " + from;
        }
        log.printf(Locale.ROOT, "weight average: decay %s (%s); validation, best/ and the export use it%n", decay, from);
        return a;
    }

    /** Where a warm-started run notes the model it started from (kept across resumes). */
    static final String INIT_FILE = "init_from.txt";

    /** The model contract written with every checkpoint and into the exported ONNX file. */
    ModelContract contract(LandmarkNet net, CropSpec spec, RunState state) {
        Map<String, String> prov = new TreeMap<>();
        prov.put("trained_on", String.join(",", cfg.data().datasets()) + " (train splits; validation held out by clip)");
        prov.put("epochs", Integer.toString(state.epochsDone()));
        prov.put("best_epoch", Integer.toString(state.bestEpoch()));
        if (state.bestEpoch() > 0) prov.put("val_nme_inter_ocular", String.format(Locale.ROOT, "%.5f", state.bestValNme()));
        TrainConfig.Optimisation o = cfg.optimisation();
        prov.put("optimizer", o.optimizer() + " lr " + cfg.lr() + " wd " + o.weightDecay() + ", loss " + o.loss()
                + (o.emaDecay() > 0 ? ", weight average " + o.emaDecay() : "")
                + (o.heatmapPrior().on() ? ", heatmap prior " + o.heatmapPrior().weight() + " sigma " + o.heatmapPrior().sigma() : "")
                + (o.distillation().on() ? ", " + o.distillation() : ""));
        prov.put("seed", Long.toString(cfg.seed()));
        prov.put("split_seed", Long.toString(cfg.data().splitSeed()));
        prov.put("run", runDir.getFileName() == null ? runDir.toString() : runDir.getFileName().toString());
        Path initNote = runDir.resolve(INIT_FILE);
        if (Files.isRegularFile(initNote)) {
            try { prov.put("init_from", Files.readString(initNote).trim()); } catch (IOException ignored) { /* provenance note only */ }
        }
        prov.put("terms", "trained on 300-W (iBUG annotations: research use only, no commercial use) and YouTube Faces");
        return net.contract("facemark-" + cfg.arch(), spec.scheme(), spec.normalization(), spec.boxPolicy(), prov);
    }

    private void lossChart(RunState state) {
        LineChart c = new LineChart("Loss (" + cfg.arch() + ", " + cfg.optimisation().loss() + ")", "epoch", "loss").logY();
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

}
