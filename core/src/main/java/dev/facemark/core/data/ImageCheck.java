package dev.facemark.core.data;

/** How much a reader checks each sample's image while loading (decoding every image costs time). */
public enum ImageCheck {
    /** Do not look at the image file. */
    NONE,
    /** The image file must exist and be readable. */
    EXISTS,
    /** The image must decode with OpenCV ({@link ImageLoader}). */
    DECODE
}
