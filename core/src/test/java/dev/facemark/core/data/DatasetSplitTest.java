package dev.facemark.core.data;

import dev.facemark.core.TestPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class DatasetSplitTest {

    @Test
    void ytfClipKeys() {
        assertEquals("Luis_Fonsi_2", DatasetSplit.ytfClip("Luis_Fonsi_21.jpg"));
        assertEquals("Luis_Fonsi_2", DatasetSplit.ytfClip("Luis_Fonsi_20.jpg"));
        assertEquals("T_Boone_Pickens_3", DatasetSplit.ytfClip("T_Boone_Pickens_31.jpg"));
        assertEquals("Abc_Def_3", DatasetSplit.ytfClip("Abc_Def_3_117.jpg"));
        assertEquals("Luis_Fonsi", DatasetSplit.ytfPerson("Luis_Fonsi_21.jpg"));
        assertEquals("Abc_Def", DatasetSplit.ytfPerson("Abc_Def_3_117.jpg"));
        assertEquals("noframe", DatasetSplit.ytfClip("noframe.jpg"));
    }

    @Test
    void ytfSplitIsDeterministicAndKeepsClipsTogether() {
        Dataset ytf = YtfDataset.load(TestPaths.data().resolve("ytf"), "train");
        DatasetSplit a = DatasetSplit.byClip(ytf, 0.1, 1234), b = DatasetSplit.byClip(ytf, 0.1, 1234);
        assertEquals(a.train().samples(), b.train().samples());
        assertEquals(a.validation().samples(), b.validation().samples());
        assertEquals(ytf.size(), a.train().size() + a.validation().size());
        // At least 10%, and overshooting by less than one clip (clips have a handful of frames).
        assertTrue(a.validation().size() >= 347 && a.validation().size() < 347 + 20, "validation " + a.validation().size());
        Set<String> trainClips = clips(a.train()), valClips = clips(a.validation());
        assertTrue(valClips.size() > 50);
        for (String c : valClips) assertFalse(trainClips.contains(c), "clip " + c + " on both sides");
        // Another seed gives another split.
        DatasetSplit c = DatasetSplit.byClip(ytf, 0.1, 99);
        assertNotEquals(valClips, clips(c.validation()));
    }

    @Test
    void perSampleSplitOfStillImages() {
        Dataset w = W300Dataset.load(TestPaths.data().resolve("300w"), "common");
        DatasetSplit s = DatasetSplit.bySample(w, 0.2, 5);
        assertEquals((int) Math.ceil(0.2 * 554), s.validation().size());
        Set<FaceSample> all = new HashSet<>(s.train().samples());
        for (FaceSample v : s.validation().samples()) assertFalse(all.contains(v));
        assertEquals(0, DatasetSplit.bySample(w, 0, 5).validation().size());
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.bySample(w, 1.0, 5));
    }

    private static Set<String> clips(Dataset d) {
        return d.samples().stream().map(s -> DatasetSplit.ytfClip(s.name())).collect(Collectors.toSet());
    }

    @Test
    void handBuiltDatasetsSplitToo() {
        // Datasets built by hand split too; each sample its own group.
        Path img = Path.of("x.png");
        Dataset d = new Dataset("hand", java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new FaceSample("f" + i, img, new float[] {i, i}, "t")).toList());
        DatasetSplit s = DatasetSplit.bySample(d, 0.3, 1);
        assertEquals(3, s.validation().size());
        assertEquals(7, s.train().size());
    }
}
