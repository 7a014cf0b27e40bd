package dev.facemark.tracker.filter;

import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FrameContext;
import dev.facemark.tracker.render.ShaderProgram;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Draws a sprite anchored to each face: the sprite's rectangle in template units is mapped by the
 * least-squares similarity from {@link FaceTemplate} to the face's eye corners (36, 39, 42, 45) and
 * nose bridge (27), so it follows the face's position, scale and in-plane rotation.
 */
public final class SpriteFilter implements FaceFilter {
    private static final int[] ANCHORS = {36, 39, 42, 45, 27};

    private final String name;
    private final ShaderProgram shader = new ShaderProgram("sprite.vert", "sprite.frag");
    private final StreamMesh mesh = new StreamMesh(2, 2);
    private final int texture;
    private final float left, top, right, bottom;

    public SpriteFilter(String name, SpriteArt art) {
        this.name = name;
        left = art.left(); top = art.top(); right = art.right(); bottom = art.bottom();
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, art.width(), art.height(), 0, GL_RGBA, GL_UNSIGNED_BYTE, art.rgba());
        glGenerateMipmap(GL_TEXTURE_2D);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    public static SpriteFilter sunglasses() {
        try (SpriteArt art = SpriteArt.sunglasses()) {
            return new SpriteFilter("sunglasses", art);
        }
    }

    @Override public String name() { return name; }

    /** Where the sprite's corners land for a face: {tl, tr, bl, br} interleaved, source pixels. */
    public float[] corners(float[] landmarks) {
        Similarity s = Similarity.fit(FaceTemplate.MEAN_68, landmarks, ANCHORS);
        return new float[] {
                s.mapX(left, top), s.mapY(left, top), s.mapX(right, top), s.mapY(right, top),
                s.mapX(left, bottom), s.mapY(left, bottom), s.mapX(right, bottom), s.mapY(right, bottom)};
    }

    @Override
    public void apply(FrameContext ctx) {
        shader.use();
        SourceMapping.set(shader, ctx.viewport());
        shader.set("u_sprite", 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        for (TrackedFace f : ctx.result().faces()) {
            if (f.pointCount() != 68) continue;
            float[] c = corners(f.landmarks());
            FloatBuffer v = mesh.begin(4);
            v.put(c[0]).put(c[1]).put(0).put(0)
             .put(c[2]).put(c[3]).put(1).put(0)
             .put(c[4]).put(c[5]).put(0).put(1)
             .put(c[6]).put(c[7]).put(1).put(1);
            shader.set("u_opacity", f.framesLost() > 0 ? 0.5f : 1f);
            mesh.draw(GL_TRIANGLE_STRIP);
        }
        glDisable(GL_BLEND);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    @Override
    public void close() {
        shader.close();
        mesh.close();
        glDeleteTextures(texture);
    }
}
