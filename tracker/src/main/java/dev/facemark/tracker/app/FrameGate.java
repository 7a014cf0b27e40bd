package dev.facemark.tracker.app;

/**
 * Lets an interactive view hold the frame loop: before each frame {@link TrackingRun} asks the gate
 * whether to process a new frame, wait (paused: the view redraws the last one and paces itself) or
 * end (the window was closed). Non-interactive runs use {@link #ALWAYS}.
 */
public interface FrameGate {
    enum Step { ADVANCE, WAIT, STOP }

    /** Called once per loop turn; on {@link Step#WAIT} the gate has already done its waiting. */
    Step poll();

    FrameGate ALWAYS = () -> Step.ADVANCE;
}
