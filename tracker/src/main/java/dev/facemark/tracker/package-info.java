/**
 * The {@code tracker} module's entry point ({@link dev.facemark.tracker.TrackerMain}:
 * {@code java -jar tracker.jar live|video|image ...}), which hands the command line to {@code cli}. The
 * pipeline lives one typed stage per subpackage: {@code source}, {@code detect}, {@code track} (with core's
 * landmark model), {@code smooth}, {@code pose} and {@code output}, with {@code render} and {@code filter}
 * drawing, {@code face} holding the values they pass on, {@code app} the frame loop, and {@code profile},
 * {@code bench} and {@code tune} measuring it. Within the tracker only this root and {@code cli} import
 * {@code cli}; the stage packages never do.
 */
package dev.facemark.tracker;
