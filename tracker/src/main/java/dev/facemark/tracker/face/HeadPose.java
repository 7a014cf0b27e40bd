package dev.facemark.tracker.face;

/**
 * Head pose from solvePnP against a 3D mean face. Angles in degrees (yaw: turning left/right,
 * pitch: nodding, roll: in-plane tilt); {@code rotation} is the 3x3 row-major camera-from-head
 * rotation and {@code translation} the head origin in camera coordinates (same units as the 3D
 * model, millimetres), so renderers can project 3D axes.
 */
public record HeadPose(float yaw, float pitch, float roll, double[] rotation, double[] translation,
                       double focalLength, double principalX, double principalY) {
}
