package dev.facemark.tracker.cli;

import dev.facemark.tracker.output.ImageSink;
import dev.facemark.tracker.source.ImageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find faces and landmarks in one image or every image of a folder (sorted by name; each is independent).")
final class ImageCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "IMG|DIR", description = "an image file or a folder of images")
    Path input;

    @Spec CommandSpec spec;
    @Mixin OutputOptions out = new OutputOptions();
    @Mixin ModelOptions model = new ModelOptions();

    @Override
    public Integer call() {
        try (ImageSource src = new ImageSource(input)) {
            ImageSink sink = out.output == null ? null : new ImageSink(out.output, src.isFolder());
            // Images are unrelated: detect on each, no smoothing across them.
            Session.run(src, model, out, model.trackerParams().withSmoothing(dev.facemark.tracker.smooth.SmoothingParams.OFF),
                    false, 0, true, m -> sink, spec.commandLine().getErr());
        }
        return 0;
    }
}
