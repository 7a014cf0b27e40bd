package dev.facemark.batch.job;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VideoInputsTest {
    @TempDir Path dir;
    final Configuration conf = new Configuration();

    List<String> videos(String input) { return VideoInputs.resolve(input, conf).stream().map(VideoRef::video).toList(); }

    Path touch(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x".repeat(rel.length()));
    }

    @Test
    void folderIsSearchedRecursivelyForVideoFilesSkippingHiddenOnes() throws Exception {
        touch("a.mp4"); touch("sub/b.MKV"); touch("sub/deeper/c.avi"); touch("notes.txt"); touch(".hidden/d.mp4"); touch("_tmp/e.mp4"); touch("sub/.f.mp4");
        assertEquals(List.of(dir + "/a.mp4", dir + "/sub/b.MKV", dir + "/sub/deeper/c.avi"), videos(dir.toString()));
        assertEquals(16, VideoInputs.resolve(dir.toString(), conf).get(2).size(), "sizes from the listing, to start the longest first");
    }

    @Test
    void globsAndSingleFiles() throws Exception {
        touch("x/1.mp4"); touch("x/2.mp4"); touch("x/3.mov"); touch("y/4.mp4");
        assertEquals(List.of(dir + "/x/1.mp4", dir + "/x/2.mp4"), videos(dir + "/x/*.mp4"));
        assertEquals(List.of(dir + "/x/1.mp4", dir + "/x/2.mp4", dir + "/y/4.mp4"), videos(dir + "/{x,y}/*.mp4"));
        assertEquals(List.of(dir + "/x/3.mov"), videos(dir + "/x/3.mov"));
        assertEquals(List.of(dir + "/x/1.mp4", dir + "/x/2.mp4", dir + "/x/3.mov"), videos(dir + "/x*"), "a matched folder is listed");
    }

    @Test
    void textManifestResolvesRelativePathsKeepsUrlsAndSkipsCommentsAndRepeats() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Path m = Files.writeString(dir.resolve("lists/videos.txt"), String.join("\n",
                "# corpus", "", "clips/a.mp4", "  /data/b.mp4  ", "file:///data/c.mp4", "https://example.org/d.mp4?sig=1",
                "s3a://bucket/e.mkv", "clips/a.mp4", "../up.mp4") + "\n");
        Files.createDirectories(dir.resolve("lists"));
        assertEquals(List.of(dir + "/lists/clips/a.mp4", "/data/b.mp4", "/data/c.mp4", "https://example.org/d.mp4?sig=1", "s3a://bucket/e.mkv",
                dir + "/up.mp4"), videos(m.toString()));
    }

    @Test
    void csvManifestReadsItsPathColumn() throws Exception {
        Files.createDirectories(dir.resolve("m"));
        Path m = Files.writeString(dir.resolve("m/list.csv"), "id,Path,label\n1,\"a, b.mp4\",x\n2,c.mp4,\"y\"\"z\"\n");
        assertEquals(List.of(dir + "/m/a, b.mp4", dir + "/m/c.mp4"), videos(m.toString()));
        Path bare = Files.writeString(dir.resolve("m/bare.csv"), "/v/1.mp4,first\n/v/2.mp4,second\n");
        assertEquals(List.of("/v/1.mp4", "/v/2.mp4"), videos(bare.toString()), "no header: the first column");
    }

    @Test
    void keysAndStemsAreStable() {
        VideoRef v = new VideoRef("s3a://bucket/dir/My Clip.v2.mp4?x=1", -1);
        assertEquals("My_Clip.v2", v.stem());
        assertEquals(16, v.key().length());
        assertEquals(v.key(), VideoRef.key("s3a://bucket/dir/My Clip.v2.mp4?x=1"));
        assertNotEquals(v.key(), VideoRef.key("s3a://bucket/dir/My Clip.v2.mp4"));
        assertTrue(VideoTask.needsLocalCopy("s3a://b/x.mp4") && VideoTask.needsLocalCopy("hdfs://nn/x.mp4"));
        assertFalse(VideoTask.needsLocalCopy("/x.mp4") || VideoTask.needsLocalCopy("file:///x.mp4") || VideoTask.needsLocalCopy("https://h/x.mp4"));
    }
}
