/**
 * Landmark point schemes ({@link dev.facemark.core.points.PointScheme}: iBUG 68, nose tip, IMM 58): how many
 * points, their named {@link dev.facemark.core.points.PointGroup}s, how they are drawn, their left/right
 * mirror permutation and which points normalise errors; {@link dev.facemark.core.points.Ibug68} names single
 * iBUG points for code that needs one landmark rather than a group. Points are stored interleaved everywhere
 * in the project, {@code float[] {x0, y0, x1, y1, ...}}. This package depends on nothing else in the project
 * but core's root.
 */
package dev.facemark.core.points;
