package org.nmaudit.report.html.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A vertical bar (column) chart: one column per item, left to right, its value written above it and a
 * two-line label below (e.g. the month and, where it changes, the year); a value axis with round ticks
 * and light grid lines on the left.
 */
public final class ColumnChart {
    static final double TOP = 18;
    static final double LABELS = 34;
    static final double CHAR = 7.8;

    /**
     * @param label the first line under the column
     * @param sublabel the second line ("" for none)
     * @param css classes of the column, e.g. "bar reported"
     */
    public record Column(String label, String sublabel, double value, String valueText, String css, String title) {
    }

    private final String name;
    private final List<Column> columns;
    private final NiceScale scale;
    private final DoubleFunction<String> tickText;
    private final double width;
    private final double height;

    public ColumnChart(String name, List<Column> columns, NiceScale scale, DoubleFunction<String> tickText,
            double width, double height) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.scale = scale;
        this.tickText = tickText;
        this.width = width;
        this.height = height;
    }

    public Svg layout() {
        double axisWidth = 0;
        for (double tick : scale.ticks()) {
            axisWidth = Math.max(axisWidth, tickText.apply(tick).length() * CHAR);
        }
        double plotLeft = axisWidth + 8;
        double plotWidth = width - plotLeft - 4;
        double bottom = height - LABELS;
        double plotHeight = bottom - TOP;
        double slot = plotWidth / Math.max(1, columns.size());
        double barWidth = slot * 0.7;

        List<Svg.Rect> rects = new ArrayList<>();
        List<Svg.Line> lines = new ArrayList<>();
        List<Svg.Text> texts = new ArrayList<>();
        for (double tick : scale.ticks()) {
            double y = bottom - scale.fraction(tick) * plotHeight;
            lines.add(new Svg.Line(plotLeft, y, plotLeft + plotWidth, y, tick == 0 ? "axis" : "grid", ""));
            texts.add(new Svg.Text(plotLeft - 6, y + 4, "end", "tick", tickText.apply(tick)));
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double center = plotLeft + slot * i + slot / 2;
            double h = scale.fraction(c.value()) * plotHeight;
            rects.add(new Svg.Rect(center - barWidth / 2, bottom - h, barWidth, h, c.css(), "bar", c.title()));
            texts.add(new Svg.Text(center, bottom - h - 4, "middle", "value", c.valueText()));
            texts.add(new Svg.Text(center, bottom + 14, "middle", "label", c.label()));
            if (!c.sublabel().isEmpty()) {
                texts.add(new Svg.Text(center, bottom + 28, "middle", "sublabel", c.sublabel()));
            }
        }
        return new Svg(width, height, name, rects, lines, texts);
    }
}
