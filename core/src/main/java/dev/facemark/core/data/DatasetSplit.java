package dev.facemark.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deterministic train/validation split of a training set. Samples are split by group (one key
 * per sample), so that near-duplicates, such as consecutive frames of one video clip, never land on
 * both sides and inflate validation scores.
 *
 * @param train      the samples to train on
 * @param validation the held-out samples
 */
public record DatasetSplit(Dataset train, Dataset validation) {

    /**
     * Splits by group: groups are sorted by key, shuffled with {@code seed}, and taken into validation
     * until it holds at least {@code validationFraction} of the samples. Same input + seed = same split.
     */
    public static DatasetSplit split(Dataset all, double validationFraction, long seed, Function<FaceSample, String> groupKey) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        Map<String, List<FaceSample>> groups = new TreeMap<>();
        for (FaceSample s : all.samples()) groups.computeIfAbsent(groupKey.apply(s), k -> new ArrayList<>()).add(s);
        List<String> keys = new ArrayList<>(groups.keySet());
        Collections.shuffle(keys, new Random(seed));
        int target = (int) Math.ceil(validationFraction * all.size());
        List<String> valKeys = new ArrayList<>();
        int taken = 0;
        for (String k : keys) {
            if (taken >= target) break;
            valKeys.add(k);
            taken += groups.get(k).size();
        }
        java.util.Set<String> val = new java.util.HashSet<>(valKeys);
        List<FaceSample> tr = new ArrayList<>(), va = new ArrayList<>();
        // Keep the dataset's own order on both sides.
        for (FaceSample s : all.samples()) (val.contains(groupKey.apply(s)) ? va : tr).add(s);
        return new DatasetSplit(new Dataset(all.name() + ":train", tr), new Dataset(all.name() + ":val", va));
    }

    /** Split where every sample is its own group (for still-image sets such as 300-W). */
    public static DatasetSplit bySample(Dataset all, double validationFraction, long seed) {
        return split(all, validationFraction, seed, FaceSample::name);
    }

    /** Split by YouTube-Faces clip (see {@link #ytfClip}); non-YTF samples are their own group. */
    public static DatasetSplit byClip(Dataset all, double validationFraction, long seed) {
        return split(all, validationFraction, seed, s -> s.subset().startsWith("ytf") ? ytfClip(s.name()) : s.name());
    }

    /**
     * The clip a YouTube-Faces frame belongs to. Names are {@code Person_Clip_Frame}; in the
     * shipped CSVs clip and frame are one digit each, written together ({@code Luis_Fonsi_21} = clip 2,
     * frame 1). Both forms give {@code Person_Clip}.
     */
    public static String ytfClip(String name) {
        String s = stripExtension(name);
        int u = s.lastIndexOf('_');
        if (u <= 0) return s;
        String head = s.substring(0, u), tail = s.substring(u + 1);
        if (!isDigits(tail)) return s;
        int u2 = head.lastIndexOf('_');
        if (u2 > 0 && isDigits(head.substring(u2 + 1))) return head;   // Person_Clip_Frame
        if (tail.length() == 2) return head + "_" + tail.charAt(0);    // Person_CF
        return head;
    }

    /** The person a YouTube-Faces frame shows: the name without its numeric tokens. */
    public static String ytfPerson(String name) {
        String clip = ytfClip(name);
        int u = clip.lastIndexOf('_');
        return u > 0 && isDigits(clip.substring(u + 1)) ? clip.substring(0, u) : clip;
    }

    private static String stripExtension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String f = name.substring(slash + 1);
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }
}
