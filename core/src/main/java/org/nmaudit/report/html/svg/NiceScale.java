package org.nmaudit.report.html.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis from 0 to a round number at or above the data's maximum, with ticks at round steps (1, 2, 2.5
 * or 5 times a power of ten), so a reader can read values off the grid.
 *
 * @param max the end of the axis
 * @param step the distance between ticks
 */
public record NiceScale(double max, double step) {

    /**
     * At most {@code maxTicks} intervals; a maximum of 0 (or less) gives the axis 0..1.
     *
     * @param whole true for counts: the step is at least 1
     */
    public static NiceScale of(double dataMax, int maxTicks, boolean whole) {
        if (!(dataMax > 0)) {
            return new NiceScale(1, whole ? 1 : 0.25);
        }
        double raw = dataMax / maxTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= raw) {
                step = f * magnitude;
                break;
            }
        }
        if (whole && step < 1) {
            step = 1;
        }
        double max = Math.ceil(dataMax / step - 1e-9) * step;
        return new NiceScale(max, step);
    }

    /** The axis with fixed ends, e.g. 0..1 for a ratio in steps of 0.25. */
    public static NiceScale fixed(double max, double step) {
        return new NiceScale(max, step);
    }

    /** The tick values, 0 and max included. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        int n = (int) Math.round(max / step);
        for (int i = 0; i <= n; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** 0..1 along the axis. */
    public double fraction(double value) {
        return max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
    }
}
