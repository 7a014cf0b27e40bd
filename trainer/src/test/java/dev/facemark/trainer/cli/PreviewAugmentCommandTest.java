package dev.facemark.trainer.cli;

import dev.facemark.trainer.TestData;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.*;

class PreviewAugmentCommandTest {
    @TempDir Path tmp;

    @Test
    void writesAGridOfAugmentedTrainingCropsTheSameForTheSameSeed() {
        String root = TestData.requireRoot().toString();
        Path a = tmp.resolve("a.png"), b = tmp.resolve("b.png"), c = tmp.resolve("c.png");
        for (Path p : new Path[] {a, b}) {
            CliRunner.Result r = CliRunner.run("preview-augment", "--data", "300w", "--data-root", root, "--input-size", "64",
                    "--count", "3", "--occlusion", "1", "--jpeg", "1", "--out", p.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("3 training crops of 64x64"), r.out());
        }
        CliRunner.Result r = CliRunner.run("preview-augment", "--data", "300w", "--data-root", root, "--input-size", "64",
                "--count", "3", "--out", c.toString());
        assertEquals(0, r.exit(), r.err());
        try (Mat ma = imread(a.toString(), IMREAD_COLOR); Mat mb = imread(b.toString(), IMREAD_COLOR); Mat mc = imread(c.toString(), IMREAD_COLOR)) {
            assertEquals(64 * 2, ma.rows(), "one row of tiles, zoomed twice");
            assertEquals(3 * 64 * 2, ma.cols(), "three tiles");
            assertEquals(0, diff(ma, mb), "the same seed draws the same faces and augmentations");
            assertTrue(diff(ma, mc) > 1000, "occlusion and JPEG show in the crops");
        }
    }

    @Test
    void badInputIsOneLine() {
        CliRunner.Result r = CliRunner.run("preview-augment", "--data-root", TestData.requireRoot().toString(),
                "--out", tmp.resolve("no/such/dir/x.png").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("does not exist") && r.err().strip().lines().count() == 1, r.err());
        r = CliRunner.run("preview-augment", "--occlusion", "2", "--out", tmp.resolve("x.png").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--occlusion"), r.err());
    }

    private static long diff(Mat x, Mat y) {
        byte[] p = new byte[(int) (x.total() * x.channels())], q = new byte[p.length];
        x.data().get(p);
        y.data().get(q);
        long d = 0;
        for (int i = 0; i < p.length; i++) if (p[i] != q[i]) d++;
        return d;
    }
}
