/**
 * The frame loop ({@link dev.facemark.tracker.app.TrackingRun}: grab, track, write landmarks, paint and
 * write video, every stage timed and every frame's landmarks flushed before the next) and what plugs into
 * it: a {@link dev.facemark.tracker.app.FrameGate} through which an interactive view holds or ends the loop,
 * a {@link dev.facemark.tracker.app.FrameObserver} through which the benchmark watches the production loop
 * rather than a copy of it, the live window as painter and gate
 * ({@link dev.facemark.tracker.app.LiveWindowView}, its HUD from {@link dev.facemark.tracker.app.HudStats}),
 * {@link dev.facemark.tracker.app.GracefulStop} for Ctrl-C, a {@link dev.facemark.tracker.app.ProgressBar}
 * and the {@link dev.facemark.tracker.app.RunSummary}. It does not import {@code cli}: commands build a run
 * and hand it here.
 */
package dev.facemark.tracker.app;
