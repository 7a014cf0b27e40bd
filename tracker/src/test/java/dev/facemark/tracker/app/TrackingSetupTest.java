package dev.facemark.tracker.app;

import dev.facemark.core.runtime.Device;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.track.TrackerParams;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class TrackingSetupTest {
    /** The batch job ships a setup to its executors, which open the same model and detector and track alike. */
    @Test
    void survivesJavaSerialisationAsAnEqualValue() throws Exception {
        for (SmoothingParams s : new SmoothingParams[] {SmoothingParams.DEFAULT, SmoothingParams.OFF, SmoothingParams.LEGACY}) {
            TrackingSetup setup = new TrackingSetup("models/x.onnx", "haar", new RuntimeOptions(2, Device.CPU), true,
                    TrackerParams.DEFAULT.withDetectEvery(3).withCropLead(0.5f).withSmoothing(s));
            TrackingSetup back = roundTrip(setup);
            assertEquals(setup, back, "equal, so that executors pool their pipelines by it");
            assertEquals(setup.hashCode(), back.hashCode());
        }
        assertEquals(new TrackingSetup(null, "yunet", RuntimeOptions.DEFAULT, false, TrackerParams.DEFAULT),
                roundTrip(new TrackingSetup(null, "yunet", RuntimeOptions.DEFAULT, false, TrackerParams.DEFAULT)));
    }

    @Test
    void withParamsChangesOnlyTheParams() {
        TrackingSetup s = new TrackingSetup("m.onnx", "haar", RuntimeOptions.cpu(1), true, TrackerParams.DEFAULT);
        TrackingSetup h = s.withParams(p -> p.withHeatmaps(true));
        assertTrue(h.params().outputs().keepHeatmaps());
        assertEquals(new TrackingSetup("m.onnx", "haar", RuntimeOptions.cpu(1), true, TrackerParams.DEFAULT.withHeatmaps(true)), h);
    }

    private static TrackingSetup roundTrip(TrackingSetup s) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (TrackingSetup) in.readObject();
        }
    }
}
