package dev.facemark.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianTest {
    @Test
    void oddCountTakesTheMiddleValueAndLeavesTheInputAlone() {
        double[] v = {5, 1, 3};
        assertEquals(3, Median.of(v));
        assertArrayEquals(new double[] {5, 1, 3}, v);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertEquals(2.5, Median.of(new double[] {4, 1, 2, 3}));
        assertEquals(2.5f, Median.of(new float[] {4, 1, 2, 3}));
    }

    @Test
    void emptyIsNaN() {
        assertTrue(Double.isNaN(Median.of(new double[0])));
        assertTrue(Float.isNaN(Median.of(new float[0])));
    }
}
