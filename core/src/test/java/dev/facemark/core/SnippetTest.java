package dev.facemark.core;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SnippetTest {
    @Test
    void quotesEscapeControlCharactersAndCutLongText() {
        assertEquals("'n_points: 68'", Snippet.quote("n_points: 68"));
        assertEquals("'a\\nb\\tc\\u0000d\\u2028'", Snippet.quote("a\nb\tc\u0000d\u2028"));
        String q = Snippet.quote("x".repeat(500));
        assertEquals(Snippet.MAX_QUOTE + 5, q.length(), q); // quotes and "..."
        assertTrue(q.endsWith("...'"));
        String nul = Snippet.clean("\u0000".repeat(1000));
        assertTrue(nul.length() <= Snippet.MAX_MESSAGE + 3, "escaping counts towards the limit: " + nul.length());
        assertEquals("", Snippet.clean(null));
    }

    @Test
    void pathsStayWholeUnlessUnprintableOrLong() {
        assertEquals("/data/300w/afw/1.pts", Snippet.path(Path.of("/data/300w/afw/1.pts")));
        assertEquals("/data/a\\nb.jpg", Snippet.path("/data/a\nb.jpg"));
        String p = Snippet.path("/d/" + "x".repeat(1000) + "/end.jpg");
        assertTrue(p.length() <= Snippet.MAX_PATH + 3 && p.startsWith("/d/x") && p.endsWith("/end.jpg"), p);
    }
}
