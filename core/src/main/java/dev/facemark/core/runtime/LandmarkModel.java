package dev.facemark.core.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.facemark.core.Snippet;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.model.ContractException;
import dev.facemark.core.model.ModelContract;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A landmark model in ONNX Runtime, fed and read exactly as its embedded {@link ModelContract} says.
 * Used by the tracker for every frame and by the trainer's evaluation, so both see the same crops.
 *
 * <p>Hot path without per-frame allocation: faces are cropped straight into one reused direct
 * buffer that backs the input tensor, outputs are written by ONNX Runtime into pinned, reused
 * output tensors, and results land in a reused {@link Predictions}. All faces of a frame run as
 * one batch when the model's batch dimension is dynamic (in runs of at most {@value #MAX_DYNAMIC_BATCH}).
 *
 * <p>Opening a model checks its graph against its contract twice: the declared tensors
 * ({@link ModelSignature}) and one real run on a blank batch, so that a model whose graph computes
 * other shapes than it declares is refused when it is opened, not on the first face.
 *
 * <p>Pre- and post-processing are their own units, as in DJL's {@code Translator}: {@link FaceEncoder} makes
 * the crops and their input pixels, an {@link OutputDecoder} per head type reads the answers; this class owns
 * the session, the batching and the memory.
 *
 * <p>Not thread-safe (one scratch buffer); one instance per thread.
 */
public final class LandmarkModel implements AutoCloseable {
    /** Most faces one run takes when the batch dimension is dynamic; more run in several. */
    public static final int MAX_DYNAMIC_BATCH = 64;
    /**
     * Metadata key: "true" when the model is meant to run with flip test-time augmentation unless the user says
     * otherwise (an accuracy-first model whose latency budget pays for the second pass); absent or "false": off.
     */
    public static final String FLIP_TEST_KEY = "facemark.runtime.flip_test";

    private final String source;
    private final ModelContract contract;
    private final ModelSignature signature;
    private final Device device;
    private final OrtSession session;
    private final FaceEncoder encoder;
    private final OutputDecoder decoder;
    private final Predictions predictions;
    private final ConfidenceCalibration confidence; // null: the raw score is the confidence
    private final FeatureConfidence featureConfidence; // null: the single-feature calibration (or the raw score) is
    private final int inputSize;
    private final Map<Integer, TensorBinding> bindings = new HashMap<>();
    private FloatBuffer input;
    private final boolean flipTestByDefault;
    private boolean flipTest;
    private CropTransform[] flipped = new CropTransform[0];

    /** Opens a model file. Missing file, missing contract metadata or a graph that disagrees with it: one clear exception. */
    public static LandmarkModel open(Path file, RuntimeOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new ContractException("model file " + file + " does not exist; pass --model PATH to an exported .onnx model");
        }
        try {
            if (Files.size(file) > Integer.MAX_VALUE - 8) {
                throw new ContractException("model file " + file + " is over 2 GB, more than ONNX Runtime loads from memory");
            }
            return open(Files.readAllBytes(file), file.toString(), options);
        } catch (IOException e) {
            throw new ContractException("cannot read model file " + file + ": " + Snippet.clean(e.getMessage()), e);
        }
    }

    /** Opens a model from its bytes (for example a model packaged on the classpath); {@code name} is used in messages. */
    public static LandmarkModel open(byte[] onnx, String name, RuntimeOptions options) {
        return new LandmarkModel(onnx, name, options);
    }

    private LandmarkModel(byte[] onnx, String name, RuntimeOptions options) {
        this.source = name;
        OrtSession s = null;
        try {
            OrtSessions.Opened opened = OrtSessions.open(onnx, name, options);
            s = opened.session();
            this.session = s;
            this.device = opened.device();
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            this.contract = ModelContract.fromMetadata(meta, name);
            this.confidence = ConfidenceCalibration.fromMetadata(meta);
            FeatureConfidence fc = FeatureConfidence.fromMetadata(meta);
            this.featureConfidence = fc != null && fc.points() == contract.points() ? fc : null; // another point count: malformed, fall back
            this.flipTestByDefault = flipTestDefault(meta.get(FLIP_TEST_KEY), contract, name);
            this.flipTest = flipTestByDefault;
            this.decoder = OutputDecoder.of(contract);
            this.signature = ModelSignature.check(session.getInputInfo(), session.getOutputInfo(), contract, decoder.outputShapes(-1), name);
        } catch (OrtException e) {
            OrtSessions.closeQuietly(s);
            throw new ContractException(name + " is not a loadable ONNX model: " + OrtSessions.firstLine(e), e);
        } catch (RuntimeException e) {
            OrtSessions.closeQuietly(s);
            throw e;
        }
        // Bounded by the contract (ModelContract.MAX_SIDE): the product fits an int.
        inputSize = contract.channels() * contract.inputWidth() * contract.inputHeight();
        predictions = new Predictions(contract.points(), decoder.heatmaps(), contract.heatmapWidth(), contract.heatmapHeight(), confidence,
                featureConfidence, contract.inputWidth());
        encoder = new FaceEncoder(contract); // last: the one native holder made here, closed by close() from now on
        try {
            ensureInput(signature.batch() > 0 ? signature.batch() : 4);
            trialRun();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static boolean flipTestDefault(String value, ModelContract contract, String name) {
        if (value == null || value.strip().equals("false")) return false;
        if (!value.strip().equals("true")) {
            throw new ContractException(name + ": metadata key '" + FLIP_TEST_KEY + "' is " + Snippet.quote(value)
                    + ", not true or false; set it again with 'trainer flip-test --model M on|off'");
        }
        if (!contract.scheme().canMirror()) {
            throw new ContractException(name + ": metadata key '" + FLIP_TEST_KEY + "' asks for flip testing, but point scheme "
                    + contract.scheme().name() + " has no mirror permutation; turn it off with 'trainer flip-test --model M off'");
        }
        return true;
    }

    /**
     * Runs one blank batch (the fixed batch, or two faces when it is dynamic) with the output
     * tensors the contract sizes, so that a graph computing other shapes than it declares fails here.
     */
    private void trialRun() {
        int n = signature.batch() > 0 ? signature.batch() : 2;
        ensureInput(n);
        TensorBinding b;
        try {
            b = new TensorBinding(input, n, contract, decoder);
        } catch (OrtException e) {
            throw new ContractException(source + ": cannot create tensors of the contract's shapes: " + OrtSessions.firstLine(e), e);
        }
        bindings.put(n, b);
        try (OrtSession.Result ignored = session.run(b.inputs, b.outputs)) {
            // Only whether it runs matters.
        } catch (OrtException e) {
            StringBuilder shapes = new StringBuilder();
            decoder.outputShapes(n).forEach((name, shape) -> shapes.append(shapes.length() == 0 ? "" : " and ").append(name)
                    .append(' ').append(java.util.Arrays.toString(shape)));
            throw new ContractException(source + ": the graph does not run with its contract's shapes (input [" + n + ", "
                    + contract.channels() + ", " + contract.inputHeight() + ", " + contract.inputWidth() + "] -> " + shapes
                    + "): " + OrtSessions.firstLine(e) + "; re-export it", e);
        }
    }

    public ModelContract contract() { return contract; }

    /** The fitted confidence mapping from the model's metadata, or null when it has none. */
    public ConfidenceCalibration confidenceCalibration() { return confidence; }

    /** The fitted several-feature confidence from the model's metadata (used before the one above), or null. */
    public FeatureConfidence featureConfidence() { return featureConfidence; }

    /**
     * Flip test-time augmentation: each face also runs mirrored, and the two answers are averaged
     * point by point through the scheme's mirror permutation (twice the inference, a steadier and
     * usually more accurate answer). Heatmaps and scores stay those of the unmirrored pass. Starts as the
     * model's own default ({@link #flipTestByDefault()}).
     */
    public LandmarkModel setFlipTest(boolean on) {
        if (on && !contract.scheme().canMirror()) {
            throw new ContractException(source + ": point scheme " + contract.scheme().name()
                    + " has no mirror permutation, so flip testing is not possible; run without --flip");
        }
        flipTest = on;
        return this;
    }

    public boolean flipTest() { return flipTest; }
    /** Whether the model's metadata ({@value #FLIP_TEST_KEY}) asks for flip testing when the user does not say. */
    public boolean flipTestByDefault() { return flipTestByDefault; }
    /** The device the session actually runs on (CPU after a CUDA fallback). */
    public Device device() { return device; }
    public String source() { return source; }
    /** -1 when the model takes any batch size, else its fixed batch. */
    public int batchDimension() { return signature.batch(); }

    /** The contract's test-time crop around a reference box (tight landmark box or calibrated detector box). */
    public CropTransform cropFor(FaceBox reference, float angle) {
        return encoder.cropFor(reference, angle);
    }

    /**
     * THE next crop from a face's landmarks (the tracker's every frame after the first, and the evaluation's
     * tracking mode): the tight box of the points, measured along the eye line and turned with it when
     * {@code derotate} (MediaPipe's crop-from-landmarks), through the model's box policy.
     */
    public CropTransform cropFromLandmarks(float[] points, boolean derotate) {
        return encoder.cropFromLandmarks(points, derotate);
    }

    /** Runs every crop of one image; see {@link #predict(Mat, CropTransform[], int)}. */
    public Predictions predict(Mat image, List<CropTransform> crops) {
        return predict(image, crops.toArray(new CropTransform[0]), crops.size());
    }

    /**
     * Crops faces {@code 0..count-1} of {@code image} (BGR or grey 8-bit) and runs them as one batch.
     * The result is reused by the next call.
     */
    public Predictions predict(Mat image, CropTransform[] crops, int count) {
        return flipTest ? predictFlipped(image, crops, count) : runAll(image, crops, count);
    }

    /** Every crop, in chunks of the model's fixed batch (or all at once when the batch is dynamic). */
    private Predictions runAll(Mat image, CropTransform[] crops, int count) {
        predictions.reset(count);
        if (count == 0) return predictions;
        int chunk = signature.batch() > 0 ? signature.batch() : Math.min(count, MAX_DYNAMIC_BATCH);
        for (int start = 0; start < count; start += chunk) {
            runChunk(image, crops, start, Math.min(chunk, count - start), chunk);
        }
        return predictions;
    }

    /** Faces and their mirrored crops in one batch of 2 x count, then the mirrored half folded into the first. */
    private Predictions predictFlipped(Mat image, CropTransform[] crops, int count) {
        flipped = FlipAverage.withMirrored(crops, count, flipped);
        runAll(image, flipped, 2 * count);
        long t0 = System.nanoTime();
        FlipAverage.fold(predictions, crops, count, contract.scheme());
        predictions.decodeNanos += System.nanoTime() - t0;
        return predictions;
    }

    private void runChunk(Mat image, CropTransform[] crops, int start, int n, int batch) {
        long t0 = System.nanoTime();
        ensureInput(batch);
        FloatBuffer in = input;
        in.clear();
        for (int i = 0; i < n; i++) {
            predictions.crop(start + i, crops[start + i]);
            encoder.encode(image, crops[start + i], in);
        }
        long t1 = System.nanoTime();
        TensorBinding b = binding(batch);
        try (OrtSession.Result ignored = session.run(b.inputs, b.outputs)) {
            // Outputs are pinned: ONNX Runtime wrote them into b's buffers.
        } catch (OrtException e) {
            throw new IllegalStateException(source + ": inference failed: " + OrtSessions.firstLine(e), e);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            decoder.decode(b.answers, i, crops[start + i], predictions, start + i);
        }
        long t3 = System.nanoTime();
        predictions.cropNanos += t1 - t0;
        predictions.inferenceNanos += t2 - t1;
        predictions.decodeNanos += t3 - t2;
    }

    /** Grows the shared input buffer; tensors made on the old buffer are dropped. */
    private void ensureInput(int batch) {
        if (input != null && input.capacity() >= (long) batch * inputSize) return;
        // batch <= 64 (a fixed batch or a dynamic run), inputSize <= 3 x 1024 x 1024: at most 805 MB.
        int cap = Math.max(batch, Math.min(MAX_DYNAMIC_BATCH, input == null ? 0 : 2 * input.capacity() / inputSize));
        closeBindings();
        input = ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(cap, inputSize), Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private TensorBinding binding(int batch) {
        TensorBinding b = bindings.get(batch);
        if (b == null) {
            try {
                b = new TensorBinding(input, batch, contract, decoder);
            } catch (OrtException e) {
                throw new IllegalStateException(source + ": cannot allocate tensors for batch " + batch + ": " + OrtSessions.firstLine(e), e);
            }
            bindings.put(batch, b);
        }
        return b;
    }

    private void closeBindings() {
        bindings.values().forEach(TensorBinding::close);
        bindings.clear();
    }

    @Override
    public void close() {
        closeBindings();
        if (encoder != null) encoder.close();
        OrtSessions.closeQuietly(session);
    }
}
