package dev.facemark.core.data;

import dev.facemark.core.TestPaths;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The readers on the shared data: the standard split sizes and the coordinate convention. */
class RealDataTest {
    private static final Path W300 = TestPaths.data().resolve("300w");
    private static final Path YTF = TestPaths.data().resolve("ytf");
    // Loaded once: the class reads ~7000 files.
    private static final Dataset TRAIN = W300Dataset.load(W300, "train");

    @Test
    void train300WHas2012FacesFromThreeSubsets() {
        Dataset d = TRAIN;
        assertEquals(2012, d.size());
        assertEquals(Map.of("afw", 337, "helen/trainset", 870, "lfpw/trainset", 805), d.subsetCounts());
        assertTrue(d.problems().isEmpty());
        Set<String> names = new HashSet<>();
        for (FaceSample s : d.samples()) {
            assertEquals(68, s.pointCount());
            assertTrue(names.add(s.name()), "duplicate name " + s.name());
        }
    }

    @Test
    void common300WHas554Faces() {
        Dataset d = W300Dataset.load(W300, "common");
        assertEquals(554, d.size());
        assertEquals(Map.of("helen/testset", 330, "lfpw/testset", 224), d.subsetCounts());
        // The shared copy has no ibug/: "challenging" and "full" say so instead of passing off common as full.
        for (String split : new String[] {"challenging", "full"}) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> W300Dataset.load(W300, split));
            assertTrue(e.getMessage().contains("ibug") && e.getMessage().contains("use 'common'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> W300Dataset.load(W300, "test"));
    }

    @Test
    void ptsCoordinatesBecomeZeroBased() {
        // afw/1051618982_1.pts starts "100.632 137.012" (1-based pixel centres).
        Dataset d = TRAIN;
        FaceSample s = d.samples().stream().filter(x -> x.name().equals("afw/1051618982_1")).findFirst().orElseThrow();
        assertEquals(99.632f, s.points()[0], 1e-4f);
        assertEquals(136.012f, s.points()[1], 1e-4f);
        assertEquals(W300.resolve("afw/1051618982_1.jpg"), s.image());
        assertNull(s.box());
    }

    @Test
    void ytfHas3462TrainAnd770TestFrames() {
        Dataset tr = YtfDataset.load(YTF, "train");
        Dataset te = YtfDataset.load(YTF, "test");
        assertEquals(3462, tr.size());
        assertEquals(770, te.size());
        assertEquals(Map.of("ytf/train", 3462), tr.subsetCounts());
        FaceSample first = tr.get(0);
        assertEquals("Luis_Fonsi_21.jpg", first.name());
        assertEquals(45f, first.points()[0]);
        assertEquals(98f, first.points()[1]);
        assertEquals(YTF.resolve("train/Luis_Fonsi_21.jpg"), first.image());
    }

    @Test
    void landmarksLieOnTheirDecodedImages() {
        // A sample of each source: the landmark box centre must be inside the decoded image.
        Dataset all = TRAIN.concat("all", W300Dataset.load(W300, "common"))
                .concat("all", YtfDataset.load(YTF, "train"));
        for (int i = 0; i < all.size(); i += 97) {
            FaceSample s = all.get(i);
            try (Mat m = ImageLoader.readColor(s.image())) {
                assertEquals(3, m.channels());
                FaceBox b = s.landmarkBox();
                assertTrue(b.cx() > 0 && b.cx() < m.cols() && b.cy() > 0 && b.cy() < m.rows(), s + " box " + b + " image " + m.cols() + "x" + m.rows());
                assertTrue(b.w() > 10 && b.h() > 10, s + " box " + b);
            }
        }
    }
}
