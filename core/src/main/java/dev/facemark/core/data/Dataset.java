package dev.facemark.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loaded list of annotated faces plus the problems met while loading (empty after a strict
 * load; in a lenient load each skipped entry leaves one "file:line: message" line).
 */
public record Dataset(String name, List<FaceSample> samples, List<String> problems) {

    public Dataset {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }

    public Dataset(String name, List<FaceSample> samples) { this(name, samples, List.of()); }

    public int size() { return samples.size(); }
    public FaceSample get(int i) { return samples.get(i); }
    public boolean isEmpty() { return samples.isEmpty(); }

    /** The faces whose subset tag equals {@code subset}. */
    public Dataset subset(String subset) {
        return new Dataset(name + "/" + subset, samples.stream().filter(s -> s.subset().equals(subset)).toList(), List.of());
    }

    /** Face counts per subset tag, sorted by tag. */
    public Map<String, Integer> subsetCounts() {
        Map<String, Integer> m = new TreeMap<>();
        for (FaceSample s : samples) m.merge(s.subset(), 1, Integer::sum);
        return m;
    }

    /** This dataset followed by {@code other}; problems of both are kept. */
    public Dataset concat(String newName, Dataset other) {
        List<FaceSample> all = new ArrayList<>(samples);
        all.addAll(other.samples);
        List<String> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new Dataset(newName, all, p);
    }

    @Override public String toString() {
        return name + ": " + samples.size() + " faces" + (problems.isEmpty() ? "" : ", " + problems.size() + " skipped");
    }
}
