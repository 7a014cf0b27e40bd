/**
 * Dataset readers: the 300-W folder layout and its standard splits
 * ({@link dev.facemark.core.data.W300Dataset}, over {@link dev.facemark.core.data.PtsFile}), the
 * YouTube-Faces landmark CSVs ({@link dev.facemark.core.data.YtfDataset}), dlib's imglab XML
 * ({@link dev.facemark.core.data.ImglabXml}) and IMM's shape files ({@link dev.facemark.core.data.ImmAsf}),
 * each giving a {@link dev.facemark.core.data.Dataset} of {@link dev.facemark.core.data.FaceSample}s in
 * 0-based pixel-centre coordinates. A load is strict or lenient ({@link dev.facemark.core.data.LoadMode});
 * bad input is a one-line {@link dev.facemark.core.data.DataFormatException} naming the file and line.
 * {@link dev.facemark.core.data.DatasetSplit} splits by group, so that frames of one clip never land on both
 * sides, and {@link dev.facemark.core.data.ImageLoader} decodes images as the cropper expects them.
 */
package dev.facemark.core.data;
