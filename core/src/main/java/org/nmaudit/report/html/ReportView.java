package org.nmaudit.report.html;

import java.util.List;
import org.nmaudit.report.html.svg.Svg;

/**
 * report.html's content, every value already written as the reader sees it (money, counts, dates): the
 * templates only place and escape it. Built by {@link ReportViewBuilder}.
 *
 * @param runLine the run in one line under the title; the section "The run" has it in full
 * @param physicians null when no physician has trial episodes
 * @param changes null without --previous
 * @param changesProblem why the previous report could not be compared, or null
 */
public record ReportView(
        String title,
        String subtitle,
        String runLine,
        List<Item> run,
        List<FileRow> inputFiles,
        List<Figure> figures,
        List<Chip> severities,
        String amountNote,
        Svg rulesChart,
        List<RuleRow> rules,
        RuleRow rulesTotal,
        Physicians physicians,
        Trend trend,
        List<TopRow> topLines,
        String topLinesNote,
        Changes changes,
        String changesProblem,
        List<String> rejectFiles,
        List<RejectRow> rejects,
        String footer) {

    /** One fact of the run: label, value, and a note in smaller type ("" for none). */
    public record Item(String label, String value, String note, boolean code) {
    }

    public record FileRow(String file, String read, String loaded, String rejected, String sha256) {
    }

    /** A key figure: the number large, the label above, the note below. */
    public record Figure(String id, String label, String value, String note) {
    }

    /** A count per severity, coloured by its css class. */
    public record Chip(String label, String count, String css) {
    }

    public record RuleRow(String ruleId, String severity, String severityCss, String count, String amount,
            String citation) {
    }

    /**
     * @param note how the ratio is worked out and when NM-RATIO flags
     * @param flagged e.g. "3 of 40 physicians flagged"
     */
    public record Physicians(Svg chart, String note, String flagged) {
    }

    public record Trend(Svg counts, Svg amounts, String note) {
    }

    public record TopRow(String rank, String claim, String line, String serviceDate, String patient, String npi,
            String amount, String ruleId, String severity, String severityCss, String message, String others) {
    }

    /**
     * @param summary one sentence: the previous report, how many new and gone
     * @param notes how the two runs' rules, parameters and reference data differ
     * @param outsideColumn true in a period audit: the table has the "still found, before this period" column
     */
    public record Changes(String summary, List<String> notes, List<ChangeRow> rules, ChangeRow total,
            boolean outsideColumn, List<ChangedFinding> added, List<ChangedFinding> gone) {
    }

    public record ChangeRow(String ruleId, String added, String gone, String updated, String unchanged,
            String outside) {
    }

    public record ChangedFinding(String ruleId, String severity, String severityCss, String subject,
            String serviceDate, String amount, String message) {
    }

    public record RejectRow(String file, String column, String reason, String count, String lines,
            String values) {
    }
}
