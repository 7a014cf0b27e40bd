/**
 * Head pose from 68-point landmarks ({@link dev.facemark.tracker.pose.HeadPoseEstimator}): SQPnP of six
 * points against a 3D mean face in millimetres ({@link dev.facemark.tracker.pose.MeanFace3D}), with an ideal
 * pinhole camera since webcams are not calibrated. The answer is a
 * {@link dev.facemark.tracker.face.HeadPose}: yaw, pitch and roll in degrees, plus the rotation and
 * translation renderers need to project 3D axes. It depends only on {@code face} and OpenCV.
 */
package dev.facemark.tracker.pose;
