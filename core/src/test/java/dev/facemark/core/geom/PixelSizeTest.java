package dev.facemark.core.geom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PixelSizeTest {
    @Test
    void widthByHeightInEitherCaseWithSpaces() {
        assertEquals(new PixelSize(1280, 720), PixelSize.parse("1280x720"));
        assertEquals(new PixelSize(640, 480), PixelSize.parse("640X480"));
        assertEquals(new PixelSize(640, 480), PixelSize.parse(" 640 x 480 "));
    }

    @Test
    void aLoneNumberIsASquareOnlyWhereAsked() {
        assertEquals(PixelSize.square(96), PixelSize.parseSquareOrWxH("96"));
        assertEquals(new PixelSize(80, 60), PixelSize.parseSquareOrWxH("80x60"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PixelSize.parse("96"));
        assertTrue(e.getMessage().contains("'96'") && e.getMessage().contains("WIDTHxHEIGHT"), e.getMessage());
    }

    @Test
    void badTextIsNamedInTheMessage() {
        for (String bad : new String[] {"big", "", "x720", "1280x", "1280x720x3", "12 80x720", "1280,720", "0x720", "1280x-1", "96x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PixelSize.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("e.g. 1280x720"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> PixelSize.parseSquareOrWxH(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PixelSize.parseSquareOrWxH("0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PixelSize.parse(null)).getMessage().contains("'null'"));
    }

    @Test
    void onlyPositiveSidesAndTheSpellingRoundTrips() {
        assertThrows(IllegalArgumentException.class, () -> new PixelSize(0, 10));
        assertThrows(IllegalArgumentException.class, () -> PixelSize.square(-1));
        assertEquals("1280x720", new PixelSize(1280, 720).toString());
        assertEquals(new PixelSize(1280, 720), PixelSize.parse(new PixelSize(1280, 720).toString()));
    }
}
