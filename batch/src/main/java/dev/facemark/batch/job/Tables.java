package dev.facemark.batch.job;

import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.Map;

/**
 * The two Parquet tables of a batch output folder, as Parquet schemas (what the tasks write, one file
 * per video) and as the Spark schemas they read back as.
 *
 * <p>{@code landmarks/}: one row per face per frame, in frame order within a video's file:
 * {@code video string, frame bigint, time_ms double, face_id int, box array<float> [x, y, w, h],
 * landmarks array<array<float>> (68 [x, y] pairs), point_confidence array<float> (null for models
 * without per-point confidence), confidence float, pose struct<yaw, pitch, roll float (degrees),
 * tx, ty, tz double (mm)> (null when not estimated), model string}. Coordinates are source pixels,
 * 0-based, the centre of the top-left pixel at (0, 0), as in the tracker's JSONL.
 *
 * <p>{@code status/}: one row per video: {@code video, status ("ok" | "failed"), frames bigint,
 * faces bigint (rows in landmarks/), fps double (the video's frame rate), wall_s double, error string}.
 */
public final class Tables {
    private Tables() {}

    public static final String OK = "ok", FAILED = "failed";

    public static final MessageType LANDMARKS = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("video")
            .required(PrimitiveTypeName.INT64).named("frame")
            .required(PrimitiveTypeName.DOUBLE).named("time_ms")
            .required(PrimitiveTypeName.INT32).named("face_id")
            .addField(floatList(Type.Repetition.REQUIRED, "box"))
            .addField(Types.requiredGroup().as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(floatList(Type.Repetition.REQUIRED, "element")).named("list"))
                    .named("landmarks"))
            .addField(floatList(Type.Repetition.OPTIONAL, "point_confidence"))
            .required(PrimitiveTypeName.FLOAT).named("confidence")
            .addField(Types.optionalGroup()
                    .required(PrimitiveTypeName.FLOAT).named("yaw")
                    .required(PrimitiveTypeName.FLOAT).named("pitch")
                    .required(PrimitiveTypeName.FLOAT).named("roll")
                    .required(PrimitiveTypeName.DOUBLE).named("tx")
                    .required(PrimitiveTypeName.DOUBLE).named("ty")
                    .required(PrimitiveTypeName.DOUBLE).named("tz")
                    .named("pose"))
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("model")
            .named("facemark_landmarks");

    public static final MessageType STATUS = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("video")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("status")
            .required(PrimitiveTypeName.INT64).named("frames")
            .required(PrimitiveTypeName.INT64).named("faces")
            .required(PrimitiveTypeName.DOUBLE).named("fps")
            .required(PrimitiveTypeName.DOUBLE).named("wall_s")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("error")
            .named("facemark_status");

    /** The landmarks table as Spark reads it. */
    public static final StructType LANDMARKS_SPARK = new StructType(new StructField[] {
            DataTypes.createStructField("video", DataTypes.StringType, false),
            DataTypes.createStructField("frame", DataTypes.LongType, false),
            DataTypes.createStructField("time_ms", DataTypes.DoubleType, false),
            DataTypes.createStructField("face_id", DataTypes.IntegerType, false),
            DataTypes.createStructField("box", DataTypes.createArrayType(DataTypes.FloatType, false), false),
            DataTypes.createStructField("landmarks", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, false), false), false),
            DataTypes.createStructField("point_confidence", DataTypes.createArrayType(DataTypes.FloatType, false), true),
            DataTypes.createStructField("confidence", DataTypes.FloatType, false),
            DataTypes.createStructField("pose", new StructType(new StructField[] {
                    DataTypes.createStructField("yaw", DataTypes.FloatType, false),
                    DataTypes.createStructField("pitch", DataTypes.FloatType, false),
                    DataTypes.createStructField("roll", DataTypes.FloatType, false),
                    DataTypes.createStructField("tx", DataTypes.DoubleType, false),
                    DataTypes.createStructField("ty", DataTypes.DoubleType, false),
                    DataTypes.createStructField("tz", DataTypes.DoubleType, false)}), true),
            DataTypes.createStructField("model", DataTypes.StringType, false)});

    /** The status table as Spark reads it. */
    public static final StructType STATUS_SPARK = new StructType(new StructField[] {
            DataTypes.createStructField("video", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("frames", DataTypes.LongType, false),
            DataTypes.createStructField("faces", DataTypes.LongType, false),
            DataTypes.createStructField("fps", DataTypes.DoubleType, false),
            DataTypes.createStructField("wall_s", DataTypes.DoubleType, false),
            DataTypes.createStructField("error", DataTypes.StringType, true)});

    private static Type floatList(Type.Repetition repetition, String name) {
        return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().required(PrimitiveTypeName.FLOAT).named("element").named("list"))
                .named(name);
    }

    static ParquetWriter<Group> open(Path file, MessageType schema, Configuration conf, Map<String, String> metadata) throws IOException {
        return ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf))
                .withType(schema)
                .withConf(conf)
                .withExtraMetaData(metadata)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(32L << 20)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /** Writes one video's landmark rows, frame by frame. */
    static final class LandmarkRows implements AutoCloseable {
        private final ParquetWriter<Group> writer;
        private final SimpleGroupFactory groups = new SimpleGroupFactory(LANDMARKS);
        private final String video, model;
        private long rows;

        LandmarkRows(Path file, Configuration conf, String video, String model, Map<String, String> metadata) throws IOException {
            this.writer = open(file, LANDMARKS, conf, metadata);
            this.video = video;
            this.model = model;
        }

        void write(FrameResult r) throws IOException {
            for (TrackedFace f : r.faces()) {
                Group g = groups.newGroup();
                g.append("video", video).append("frame", r.frame()).append("time_ms", r.timeMs()).append("face_id", f.id());
                Group box = g.addGroup("box");
                for (float v : f.box().toArray()) box.addGroup("list").append("element", v);
                Group lm = g.addGroup("landmarks");
                float[] p = f.landmarks();
                for (int i = 0; i < p.length; i += 2) {
                    Group pair = lm.addGroup("list").addGroup("element");
                    pair.addGroup("list").append("element", p[i]);
                    pair.addGroup("list").append("element", p[i + 1]);
                }
                if (f.pointScores() != null) {
                    Group pc = g.addGroup("point_confidence");
                    for (float v : f.pointScores()) pc.addGroup("list").append("element", v);
                }
                g.append("confidence", f.score());
                HeadPose hp = f.pose();
                if (hp != null) {
                    g.addGroup("pose").append("yaw", hp.yaw()).append("pitch", hp.pitch()).append("roll", hp.roll())
                            .append("tx", hp.translation()[0]).append("ty", hp.translation()[1]).append("tz", hp.translation()[2]);
                }
                g.append("model", model);
                writer.write(g);
                rows++;
            }
        }

        long rows() { return rows; }

        @Override public void close() throws IOException { writer.close(); }
    }

    /** The video and status of a one-row status file, or null when it cannot be read (it is then processed again). */
    static String[] readStatus(String file, Configuration conf) {
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), new Path(file)).withConf(conf).build()) {
            Group g = r.read();
            return g == null ? null : new String[] {g.getString("video", 0), g.getString("status", 0)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes a one-row status file. */
    static void writeStatus(Path file, Configuration conf, VideoStatus s) throws IOException {
        try (ParquetWriter<Group> w = open(file, STATUS, conf, Map.of())) {
            Group g = new SimpleGroupFactory(STATUS).newGroup();
            g.append("video", s.video()).append("status", s.status()).append("frames", s.frames()).append("faces", s.faces())
                    .append("fps", s.fps()).append("wall_s", s.wallS());
            if (s.error() != null) g.append("error", s.error());
            w.write(g);
        }
    }
}
