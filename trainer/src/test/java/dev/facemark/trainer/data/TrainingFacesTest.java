package dev.facemark.trainer.data;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.DatasetSplit;
import dev.facemark.core.data.FaceSample;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --data 300w*2,ytf}: a set's training faces repeated in an epoch, validation untouched. */
class TrainingFacesTest {
    @Test
    void aRepeatIsParsedAndBadOnesAreOneLine() {
        assertEquals(new TrainingFaces.Source("300w", 1), TrainingFaces.Source.parse("300W"));
        assertEquals(new TrainingFaces.Source("300w", 3), TrainingFaces.Source.parse(" 300w*3 "));
        for (String bad : List.of("300w*0", "300w*x", "ytf*11", "ytf*")) {
            BadInputException e = assertThrows(BadInputException.class, () -> TrainingFaces.Source.parse(bad));
            assertTrue(e.getMessage().contains(bad) && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void repeatsOnlyTheNamedSetsTrainingFacesAndLeavesValidationAsItWas() {
        Path root = TestData.requireRoot();
        List<String> plain = List.of("300w", "ytf"), doubled = List.of("300w*2", "ytf");
        DatasetSplit split = TrainingFaces.split(TrainingFaces.load(root, doubled), 0.1, 42L);
        DatasetSplit reference = TrainingFaces.split(TrainingFaces.load(root, plain), 0.1, 42L);
        assertEquals(names(reference.validation()), names(split.validation()), "the same validation faces with or without a repeat");
        assertSame(split.train(), TrainingFaces.repeated(split.train(), root, plain), "no repeat: the same faces");

        Dataset more = TrainingFaces.repeated(split.train(), root, doubled);
        int w300 = TrainingFaces.load(root, List.of("300w")).size();
        long w300Train = split.train().samples().stream().filter(f -> !f.subset().startsWith("ytf")).count();
        assertTrue(w300Train > 0.8 * w300 && w300Train < w300, w300Train + " of " + w300 + " 300-W faces train");
        assertEquals(split.train().size() + w300Train, more.size(), "each 300-W training face once more");
        Map<String, Long> counts = more.samples().stream().collect(Collectors.groupingBy(FaceSample::name, Collectors.counting()));
        for (FaceSample f : split.train().samples()) {
            assertEquals(f.subset().startsWith("ytf") ? 1L : 2L, counts.get(f.name()), f.name());
        }
        for (String v : names(split.validation())) assertTrue(!counts.containsKey(v), v + " is a validation face");
    }

    private static List<String> names(Dataset d) {
        return d.samples().stream().map(FaceSample::name).sorted().collect(Collectors.toList());
    }

}
