package org.nmaudit.report.html.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SVG charts' geometry: bars, axis ticks and the threshold line where the numbers put them. */
class ChartsTest {

    private static List<Svg.Rect> bars(Svg chart) {
        return chart.rects().stream().filter(r -> r.role().equals("bar")).toList();
    }

    private static Svg.Line line(Svg chart, String css) {
        return chart.lines().stream().filter(l -> l.css().equals(css)).findFirst().orElseThrow();
    }

    @Test
    void niceScalesEndOnARoundNumberAtOrAboveTheMaximum() {
        assertEquals(new NiceScale(300, 100), NiceScale.of(262, 5, true));
        assertEquals(List.of(0.0, 100.0, 200.0, 300.0), NiceScale.of(262, 5, true).ticks());
        assertEquals(new NiceScale(60, 20), NiceScale.of(44, 4, true), "at most 4 intervals: 10 would make 5");
        assertEquals(new NiceScale(3, 1), NiceScale.of(3, 5, true), "counts step by whole numbers");
        assertEquals(new NiceScale(2, 0.5), NiceScale.of(2, 5, false));
        assertEquals(new NiceScale(500_000, 100_000), NiceScale.of(440_000, 5, false));
        assertEquals(new NiceScale(600_000, 200_000), NiceScale.of(440_000, 4, false));
        assertEquals(new NiceScale(1, 1), NiceScale.of(0, 4, true), "no data: an axis of 0..1");
        assertEquals(0.5, NiceScale.fixed(1, 0.25).fraction(0.5));
        assertEquals(1.0, NiceScale.fixed(1, 0.25).fraction(3), "clamped to the axis");
        assertEquals(0.0, NiceScale.fixed(1, 0.25).fraction(-1));
    }

    @Test
    void coordinatesAreWrittenWithAtMostOneDecimal() {
        assertEquals("12", Svg.num(12.0));
        assertEquals("12.3", Svg.num(12.34));
        assertEquals("0.1", Svg.num(0.05));
        assertEquals("-3.5", Svg.num(-3.46));
        assertEquals("1234567", Svg.num(1234567.0));
    }

    @Test
    void aBarChartHasOneBarPerRowProportionalToItsValueAndTheThresholdWhereItsValueLies() {
        List<BarChart.Row> rows = List.of(
                new BarChart.Row("1111111111", 0.25, "25%", "1 / 3 / 0", "bar flagged", "trailing flagged", "a"),
                new BarChart.Row("2222222222", 0.5, "50%", "2 / 2 / 1", "bar", "trailing", "b"),
                new BarChart.Row("3333333333", 1.0, "100%", "4 / 0 / 0", "bar", "trailing", "c"));
        NiceScale scale = NiceScale.fixed(1, 0.25);
        Svg chart = new BarChart("ratios", rows, scale, v -> (int) (v * 100) + "%", 600)
                .threshold(new BarChart.Threshold(0.5, "threshold 50%")).trailingHeader("c / f / p").layout();

        List<Svg.Rect> bars = bars(chart);
        assertEquals(3, bars.size());
        Svg.Line zero = line(chart, "axis");
        double full = bars.get(2).w();
        assertEquals(zero.x1(), bars.get(0).x());
        assertEquals(full / 4, bars.get(0).w(), 1e-9);
        assertEquals(full / 2, bars.get(1).w(), 1e-9);
        assertEquals(List.of("bar flagged", "bar", "bar"), bars.stream().map(Svg.Rect::css).toList());

        Svg.Line threshold = line(chart, "threshold");
        assertEquals("threshold", threshold.role());
        assertEquals(zero.x1() + full / 2, threshold.x1(), 1e-9);
        assertEquals(threshold.x1(), threshold.x2(), "vertical");
        assertEquals(true, threshold.y1() < bars.get(0).y() && threshold.y2() > bars.get(2).y() + bars.get(2).h(),
                "across every row");
        List<String> ticks = chart.texts().stream().filter(t -> t.css().equals("tick")).map(Svg.Text::text).toList();
        assertEquals(List.of("0%", "25%", "50%", "75%", "100%"), ticks);
        List<String> trailing = chart.texts().stream().filter(t -> t.css().startsWith("trailing"))
                .map(t -> t.css() + ":" + t.text()).toList();
        assertEquals(List.of("trailing flagged:1 / 3 / 0", "trailing:2 / 2 / 1", "trailing:4 / 0 / 0"), trailing);
        assertEquals(600, chart.width());
        assertEquals(BarChart.TOP_WITH_HEADER + 3 * BarChart.ROW + BarChart.AXIS, chart.height());
    }

    @Test
    void labelsNeverStartLeftOfTheChart() {
        List<BarChart.Row> rows = List.of(new BarChart.Row("NM-UNBUNDLE-63688", 262, "262", "$2,932,063", "bar",
                "trailing", "t"));
        Svg chart = new BarChart("rules", rows, NiceScale.of(262, 5, true), v -> Long.toString((long) v), 760).layout();
        Svg.Text label = chart.texts().stream().filter(t -> t.css().equals("label")).findFirst().orElseThrow();
        assertEquals("end", label.anchor());
        assertEquals(true, label.x() >= "NM-UNBUNDLE-63688".length() * BarChart.CHAR,
                "room for the label at the chart's character width estimate");
    }

    @Test
    void aColumnChartHasOneColumnPerItemStandingOnTheAxis() {
        List<ColumnChart.Column> columns = List.of(
                new ColumnChart.Column("Jan", "2025", 10, "10", "bar history", "January"),
                new ColumnChart.Column("Feb", "", 0, "0", "bar history", "February"),
                new ColumnChart.Column("Mar", "", 40, "40", "bar reported", "March"));
        NiceScale scale = NiceScale.of(40, 4, true);
        Svg chart = new ColumnChart("per month", columns, scale, v -> Long.toString((long) v), 300, 200).layout();
        List<Svg.Rect> bars = bars(chart);
        assertEquals(3, bars.size());
        Svg.Line axis = line(chart, "axis");
        double plotHeight = bars.get(2).h();
        for (Svg.Rect b : bars) {
            assertEquals(axis.y1(), b.y() + b.h(), 1e-9, "stands on the axis");
        }
        assertEquals(plotHeight / 4, bars.get(0).h(), 1e-9);
        assertEquals(0, bars.get(1).h());
        assertEquals(200 - ColumnChart.LABELS - ColumnChart.TOP, plotHeight, 1e-9, "40 is the top of a 0..40 axis");
        assertEquals(List.of("Jan", "2025", "Feb", "Mar"), chart.texts().stream()
                .filter(t -> t.css().equals("label") || t.css().equals("sublabel")).map(Svg.Text::text).toList());
        assertEquals(true, bars.get(0).x() < bars.get(1).x() && bars.get(1).x() < bars.get(2).x(), "left to right");
    }
}
