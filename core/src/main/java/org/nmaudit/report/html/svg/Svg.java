package org.nmaudit.report.html.svg;

import java.util.List;
import java.util.Locale;

/**
 * A chart as SVG primitives in user units (the viewBox is 0 0 width height), which the template svg.jte
 * draws element by element, so every text in it is escaped like any other value. Chart classes lay
 * out data as these; tests check the geometry, the browser test checks what is drawn.
 *
 * @param label the chart's accessible name (aria-label)
 */
public record Svg(double width, double height, String label, List<Rect> rects, List<Line> lines,
        List<Text> texts) {

    /**
     * A rectangle; {@code title} is shown as its tooltip.
     *
     * @param role "bar" for a data bar (the browser test counts them), or "" for decoration
     */
    public record Rect(double x, double y, double w, double h, String css, String role, String title) {
    }

    public record Line(double x1, double y1, double x2, double y2, String css, String role) {
    }

    /** @param anchor start, middle or end */
    public record Text(double x, double y, String anchor, String css, String text) {
    }

    /** A coordinate as the SVG attribute writes it: at most one decimal, a dot, no exponent. */
    public static String num(double v) {
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }

    /** The viewBox attribute. */
    public String viewBox() {
        return "0 0 " + num(width) + " " + num(height);
    }
}
