package dev.facemark.trainer.onnx;

/** A DJL block the exporter has no ONNX mapping for; the message names the block and where it sits. */
public class UnsupportedBlockException extends IllegalArgumentException {
    public UnsupportedBlockException(String message) { super(message); }
}
