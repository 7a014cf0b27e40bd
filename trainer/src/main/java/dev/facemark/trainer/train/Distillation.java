package dev.facemark.trainer.train;

import java.util.Map;
import java.util.TreeMap;

/**
 * Knowledge distillation from a trained teacher: each training crop also goes through the teacher (inference mode),
 * and the student is pulled towards the teacher's points ({@code weight} times the run's coordinate loss against
 * them) and, for heatmap heads, towards its probability maps ({@code mapWeight} times the mean KL divergence from
 * the teacher's map to the student's). The teacher sees exactly the student's augmented crop, so it labels crops
 * the annotations never covered in that pose, blur or occlusion.
 *
 * @param teacher        an ONNX model this trainer exported (null = off)
 * @param teacherOptions the teacher's architecture options (its width: the ONNX contract does not carry them)
 * @param weight         multiplier of the coordinate term against the teacher's points
 * @param mapWeight      multiplier of the heatmap KL term (heatmap heads on both sides)
 */
public record Distillation(String teacher, Map<String, String> teacherOptions, float weight, float mapWeight) {
    public static final Distillation OFF = new Distillation(null, Map.of(), 0f, 0f);

    public Distillation {
        teacherOptions = new TreeMap<>(teacherOptions == null ? Map.of() : teacherOptions);
        if (!(weight >= 0) || !(mapWeight >= 0)) {
            throw new IllegalArgumentException("distillation weights must be >= 0, got " + weight + " and " + mapWeight);
        }
    }

    public boolean on() { return teacher != null && (weight > 0 || mapWeight > 0); }

    @Override
    public String toString() {
        return on() ? "distilled from " + java.nio.file.Path.of(teacher).getFileName() + " " + teacherOptions
                + " (points " + weight + ", maps " + mapWeight + ")" : "no distillation";
    }
}
