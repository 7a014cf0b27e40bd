package dev.facemark.tracker.cli;

import dev.facemark.tracker.app.TrackingSetup;
import dev.facemark.tracker.output.ImageSink;
import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.source.ImageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find faces and landmarks in one image or every image of a folder (sorted by name; each is independent).")
final class ImageCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "IMG|DIR", description = "an image file or a folder of images")
    Path input;

    @Spec CommandSpec spec;
    @Mixin OutputOptions out = new OutputOptions();
    @Mixin ModelOptions model = new ModelOptions();
    @Mixin DrawOptions draw = new DrawOptions().defaultLayers(DrawOptions.IMAGE_LAYERS);

    @Override
    public Integer call() {
        draw.validate();
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSource src = new ImageSource(input)) {
            ImageSink sink = out.output == null ? null : new ImageSink(out.output, src.isFolder());
            // Images are unrelated: detect on each, no smoothing across them.
            TrackingSetup setup = model.setup().withParams(p -> p.withSmoothing(SmoothingParams.OFF).withHeatmaps(sink != null && draw.heatmapsShown()));
            Session.run(src, setup, out, RunMode.images(),
                    (m, hud) -> sink == null ? Annotation.NONE
                            : new Annotation(draw.openPainter(m.contract(), hud, err), List.of(sink), null), err);
        }
        return 0;
    }
}
