package dev.facemark.core.detect;

/**
 * A face detector that cannot be had as asked: an unknown {@code --detector} spelling, or a YuNet
 * model file that is missing or that OpenCV cannot load. The message is one line that names the
 * file and what to do; each command line prints it as its one-line error. An
 * {@link IllegalArgumentException}, since it is always the caller's argument that is wrong.
 */
public class DetectorException extends IllegalArgumentException {
    public DetectorException(String message) { super(message); }
    public DetectorException(String message, Throwable cause) { super(message, cause); }
}
