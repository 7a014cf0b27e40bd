package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropFromLandmarks;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.image.Cropper;
import dev.facemark.core.model.ModelContract;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.FloatBuffer;

/**
 * The pre-processing half of a landmark model (DJL's {@code Translator.processInput}): the contract's crop
 * around a face, from a box or from last frame's points, and that crop's pixels written as model input.
 */
final class FaceEncoder implements AutoCloseable {
    private final ModelContract contract;
    private final Cropper cropper = new Cropper();

    FaceEncoder(ModelContract contract) {
        this.contract = contract;
    }

    /** The contract's test-time crop around a reference box (tight landmark box or calibrated detector box). */
    CropTransform cropFor(FaceBox reference, float angle) {
        return contract.boxPolicy().testCrop(reference, angle, contract.inputWidth(), contract.inputHeight());
    }

    /** The tight box of the points, along the eye line and turned with it when {@code derotate}, through the box policy. */
    CropTransform cropFromLandmarks(float[] points, boolean derotate) {
        int[] eyes = contract.scheme().outerEyeCorners();
        float angle = derotate && eyes != null ? CropFromLandmarks.roll(points, eyes[0], eyes[1]) : 0f;
        return cropFor(CropFromLandmarks.box(points, angle), angle);
    }

    /** One face's crop of {@code image} (BGR or grey 8-bit), normalised as the contract says, appended to {@code into}. */
    void encode(Mat image, CropTransform crop, FloatBuffer into) {
        cropper.cropInto(image, crop, contract.normalization(), into);
    }

    @Override
    public void close() {
        cropper.close();
    }
}
