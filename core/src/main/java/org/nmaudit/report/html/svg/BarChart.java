package org.nmaudit.report.html.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart: one row per item with its label on the left, a bar from the axis's 0, the
 * value after the bar and an optional text in a column on the right; an axis with round ticks below and
 * an optional threshold drawn as a vertical line across every row.
 */
public final class BarChart {
    static final double ROW = 22;
    static final double BAR = 14;
    static final double AXIS = 22;
    static final double TOP = 8;
    static final double TOP_WITH_HEADER = 26;
    static final double GAP = 8;
    /** Average advance of a character of the chart's 12px sans-serif text (labels, right-hand texts), for widths. */
    static final double CHAR = 7.8;
    /** The same for the 11px texts (values after the bars, the column heading). */
    static final double SMALL_CHAR = 6.8;

    /**
     * @param value the bar's length in axis units (0 or more)
     * @param valueText written after the bar
     * @param trailing written in the right-hand column ("" for none)
     * @param css classes of the bar, e.g. "bar sev-HIGH"
     * @param trailingCss classes of the right-hand text
     */
    public record Row(String label, double value, String valueText, String trailing, String css,
            String trailingCss, String title) {
    }

    /** A vertical line at {@code value} on the axis, labelled above the rows. */
    public record Threshold(double value, String label) {
    }

    private final String name;
    private final List<Row> rows;
    private final NiceScale scale;
    private final DoubleFunction<String> tickText;
    private final double width;
    private Threshold threshold;
    private String trailingHeader = "";

    /**
     * @param name the chart's accessible name
     * @param tickText how an axis value is written under its tick
     */
    public BarChart(String name, List<Row> rows, NiceScale scale, DoubleFunction<String> tickText, double width) {
        this.name = name;
        this.rows = List.copyOf(rows);
        this.scale = scale;
        this.tickText = tickText;
        this.width = width;
    }

    public BarChart threshold(Threshold t) {
        this.threshold = t;
        return this;
    }

    /** A heading over the right-hand column, e.g. "converted / failed / pending". */
    public BarChart trailingHeader(String header) {
        this.trailingHeader = header;
        return this;
    }

    public Svg layout() {
        double labelWidth = 0;
        double trailingWidth = trailingHeader.length() * SMALL_CHAR;
        double valueWidth = 0;
        for (Row r : rows) {
            labelWidth = Math.max(labelWidth, r.label().length() * CHAR);
            trailingWidth = Math.max(trailingWidth, r.trailing().length() * CHAR);
            valueWidth = Math.max(valueWidth, r.valueText().length() * SMALL_CHAR);
        }
        double plotLeft = labelWidth + GAP;
        double plotRight = width - (trailingWidth > 0 ? trailingWidth + 2 * GAP : 0) - valueWidth - GAP;
        double plotWidth = Math.max(40, plotRight - plotLeft);
        boolean header = threshold != null || !trailingHeader.isEmpty();
        double top = header ? TOP_WITH_HEADER : TOP;
        double bottom = top + rows.size() * ROW;
        double height = bottom + AXIS;

        List<Svg.Rect> rects = new ArrayList<>();
        List<Svg.Line> lines = new ArrayList<>();
        List<Svg.Text> texts = new ArrayList<>();
        for (double tick : scale.ticks()) {
            double x = plotLeft + scale.fraction(tick) * plotWidth;
            lines.add(new Svg.Line(x, top, x, bottom, tick == 0 ? "axis" : "grid", ""));
            texts.add(new Svg.Text(x, bottom + 15, "middle", "tick", tickText.apply(tick)));
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + i * ROW;
            double middle = y + ROW / 2;
            texts.add(new Svg.Text(plotLeft - GAP, middle + 4, "end", "label", r.label()));
            double w = scale.fraction(r.value()) * plotWidth;
            rects.add(new Svg.Rect(plotLeft, middle - BAR / 2, w, BAR, r.css(), "bar", r.title()));
            texts.add(new Svg.Text(plotLeft + w + 4, middle + 4, "start", "value", r.valueText()));
            if (!r.trailing().isEmpty()) {
                texts.add(new Svg.Text(width - trailingWidth - GAP, middle + 4, "start", r.trailingCss(), r.trailing()));
            }
        }
        if (!trailingHeader.isEmpty()) {
            texts.add(new Svg.Text(width - trailingWidth - GAP, top - 8, "start", "header", trailingHeader));
        }
        if (threshold != null) {
            double x = plotLeft + scale.fraction(threshold.value()) * plotWidth;
            lines.add(new Svg.Line(x, top - 4, x, bottom + 2, "threshold", "threshold"));
            texts.add(new Svg.Text(x, top - 8, "middle", "threshold-label", threshold.label()));
        }
        return new Svg(width, height, name, rects, lines, texts);
    }
}
