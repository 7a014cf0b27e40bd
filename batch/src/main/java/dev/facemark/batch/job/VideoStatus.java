package dev.facemark.batch.job;

import java.io.Serializable;

/**
 * One row of the status table.
 *
 * @param status  {@link Tables#OK} or {@link Tables#FAILED}
 * @param frames  frames processed (for a failed video: before the failure)
 * @param faces   rows in the landmarks table (0 for a failed video: its rows are not kept)
 * @param fps     the video's frame rate as FFmpeg reports it (0 when unknown)
 * @param wallS   seconds this video took in its task, opening and writing included
 * @param error   one line saying what went wrong and what to do, or null
 */
public record VideoStatus(String video, String status, long frames, long faces, double fps, double wallS, String error) implements Serializable {
    public boolean ok() { return Tables.OK.equals(status); }
}
