/**
 * The {@code trainer} module's entry point ({@link dev.facemark.trainer.TrainerMain}, which re-runs the
 * heavy commands with core's kept-memory allocator) and {@link dev.facemark.trainer.BadInputException}, the
 * one exception domain code throws for an input the user can fix, printed by the command line as one line.
 * The work lives in the subpackages: {@code model} (architectures in DJL), {@code data} and {@code augment}
 * (training faces and crops), {@code train}, {@code eval}, {@code onnx} (export), {@code report} and
 * {@code bench}, with {@code cli} on top. Only this root and {@code cli} import {@code cli}; domain packages
 * never do.
 */
package dev.facemark.trainer;
