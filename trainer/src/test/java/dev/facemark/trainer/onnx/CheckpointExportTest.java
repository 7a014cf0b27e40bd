package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.facemark.core.model.ModelContract;
import dev.facemark.trainer.cli.ExportCommand;
import dev.facemark.trainer.model.Checkpoint;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.TinyNets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Checkpoint save/load keeps architecture, parameters and contract; {@code trainer export} turns one into ONNX. */
class CheckpointExportTest {
    @TempDir Path dir;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @Test
    void checkpointRoundTripAndExportCommand() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        float[] input = new float[32 * 32];
        Random r = new Random(1);
        for (int i = 0; i < input.length; i++) input[i] = (float) r.nextGaussian();
        float[] expected;
        ModelContract contract;
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet net = TinyNets.create("fast", m, 11);
            contract = TinyNets.contract(net);
            Checkpoint.save(ckpt, net, contract);
            expected = net.predict(m, new NDList(m.create(input, net.inputShape()))).get(0).toFloatArray();
        }
        assertTrue(Files.exists(ckpt.resolve(Checkpoint.JSON)));
        try (Checkpoint c = Checkpoint.load(ckpt); NDManager m = NDManager.newBaseManager()) {
            assertEquals("fast", c.net().architecture());
            assertEquals(contract, c.contract());
            float[] again = c.net().predict(m, new NDList(m.create(input, c.net().inputShape()))).get(0).toFloatArray();
            assertArrayEquals(expected, again, 1e-6f);
        }
        Path onnx = dir.resolve("out/fast.onnx");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = new CommandLine(new ExportCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--checkpoint", ckpt.toString(), "--out", onnx.toString(), "--provenance", "eval.nme=0.05");
        assertEquals(0, code, err.toString());
        try (OrtRunner ort = new OrtRunner(onnx)) {
            float[] lm = ort.run(input, 1, 1, 32, 32).get("landmarks");
            for (int i = 0; i < lm.length; i++) assertEquals(expected[i], lm[i], 1e-4f);
            ModelContract back = ModelContract.fromMetadata(ort.session.getMetadata().getCustomMetadata(), onnx.toString());
            assertEquals(contract.withProvenance("eval.nme", "0.05"), back);
        }
    }

    @Test
    void badCheckpointFolderIsOneClearLine() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ExportCommand()).setErr(new PrintWriter(err))
                .execute("--checkpoint", dir.resolve("nope").toString(), "--out", dir.resolve("x.onnx").toString());
        assertEquals(2, code);
        String msg = err.toString().trim();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains("nope") && msg.contains("does not exist"), msg);
        assertFalse(Files.exists(dir.resolve("x.onnx")));
    }

    @Test
    void checkpointWithoutJsonIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir.resolve("empty")));
        assertTrue(e.getMessage().contains(Checkpoint.JSON), e.getMessage());
    }
}
