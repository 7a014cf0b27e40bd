package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtSession;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.trainer.model.LandmarkBlock;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.TinyNets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Contract metadata round trip through ONNX Runtime, the graph's interface, and refusals with clear messages. */
class OnnxContractTest {
    @TempDir Path dir;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @Test
    void ortReadsBackExactlyTheContract() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet net = TinyNets.create("unet", m, 1);
            ModelContract contract = TinyNets.contract(net).withProvenance("eval.nme_common", "0.0412");
            Path file = dir.resolve("u.onnx");
            OnnxExporter.export(net, contract, file);
            try (OrtRunner ort = new OrtRunner(file)) {
                var meta = ort.session.getMetadata().getCustomMetadata();
                assertEquals(contract.toMetadata(), meta);
                assertEquals(contract, ModelContract.fromMetadata(meta, file.toString()));
                assertEquals(OnnxExporter.PRODUCER, ort.session.getMetadata().getProducerName());
                // named input with a dynamic batch, named outputs
                var in = (ai.onnxruntime.TensorInfo) ort.session.getInputInfo().get("input").getInfo();
                assertArrayEquals(new long[] {-1, 1, 16, 16}, in.getShape());
                assertEquals(List.of("landmarks", "heatmaps"), List.copyOf(ort.session.getOutputNames()));
                var hm = (ai.onnxruntime.TensorInfo) ort.session.getOutputInfo().get("heatmaps").getInfo();
                assertArrayEquals(new long[] {-1, 68, 16, 16}, hm.getShape());
            }
            ai.onnx.proto.OnnxMl.ModelProto proto = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
            assertEquals(17, proto.getOpsetImport(0).getVersion());
            assertTrue(proto.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("DepthToSpace")
                    && n.getAttributeList().stream().anyMatch(a -> a.getName().equals("mode") && a.getS().toStringUtf8().equals("CRD"))));
        }
    }

    @Test
    void unknownBlockFailsWithItsName() {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet tiny = TinyNets.create("nose", m, 1);
            SequentialBlock foreign = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                    .add(Activation.reluBlock());
            LandmarkNet odd = new LandmarkNet("odd", tiny.config(), tiny.spec(), new LandmarkBlock(foreign, tiny.head()));
            var e = assertThrows(UnsupportedBlockException.class, () -> OnnxExporter.toModel(odd, TinyNets.contract(tiny)));
            assertTrue(e.getMessage().contains("SequentialBlock") && e.getMessage().contains("body"), e.getMessage());
        }
    }

    @Test
    void contractThatDoesNotDescribeTheNetworkIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet net = TinyNets.create("fast", m, 1);
            ModelContract c = TinyNets.contract(net);
            ModelContract wrong = new ModelContract(c.name(), c.architecture(), c.scheme(), c.inputWidth() * 2, c.inputHeight(),
                    c.normalization(), c.boxPolicy(), c.outputKind(), c.heatmapWidth(), c.heatmapHeight(), c.calibrations(), c.provenance());
            var e = assertThrows(IllegalArgumentException.class, () -> OnnxExporter.toModel(net, wrong));
            assertTrue(e.getMessage().contains("input width"), e.getMessage());
            ModelContract coords = new ModelContract(c.name(), c.architecture(), c.scheme(), c.inputWidth(), c.inputHeight(),
                    c.normalization(), c.boxPolicy(), OutputKind.COORDINATES, 0, 0, c.calibrations(), c.provenance());
            var k = assertThrows(IllegalArgumentException.class, () -> OnnxExporter.toModel(net, coords));
            assertTrue(k.getMessage().contains("output kind"), k.getMessage());
        }
    }

    @Test
    void uninitialisedNetworkIsRefused() {
        LandmarkNet net = dev.facemark.trainer.model.Architectures.create("nose", TinyNets.config("nose"));
        var e = assertThrows(IllegalStateException.class, () -> OnnxExporter.toModel(net, TinyNets.contract(net)));
        assertTrue(e.getMessage().contains("not initialised"), e.getMessage());
    }
}
