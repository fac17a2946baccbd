package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Findings;
import org.nmaudit.findings.Scope;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.Reject;
import org.nmaudit.report.RunRecord;

/**
 * Everything report.html and findings.xlsx are written from, and nothing of the audit's internals: the
 * writers only iterate the findings (once or twice each), so the findings may be a list or a stream read
 * back from files.
 *
 * @param run the run record (run.json): folders, as-of date, version, parameters, files read, rule files
 * @param period the period of a period audit; null for a plain audit
 * @param findings the reported findings (findings.csv's rows) in report order; iterable more than once
 * @param allLineFindings every line finding the rules raised, history months before the period included
 *     (a period audit reports only the period's); the trend and the comparison with the previous report
 *     read it. Iterable more than once
 * @param ratios provider-ratios.csv's rows
 * @param rejects rejects.csv's rows
 * @param linesAudited the claim lines the report covers: of the period in a period audit, else every
 *     loaded claim line
 * @param previousReport last month's report folder (--previous), or null
 */
public record AuditReportInputs(
        RunRecord run,
        ReportPeriod period,
        Iterable<Finding> findings,
        Iterable<Finding> allLineFindings,
        List<ProviderRatio> ratios,
        Iterable<Reject> rejects,
        long linesAudited,
        Path previousReport) {

    public static final String CLAIMS_FILE = "claims.csv";
    public static final String RATIO_THRESHOLD = "ratio_threshold";
    public static final String RATIO_MIN_DECIDED = "ratio_min_decided_trials";

    public AuditReportInputs {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(allLineFindings, "allLineFindings");
        Objects.requireNonNull(ratios, "ratios");
        Objects.requireNonNull(rejects, "rejects");
    }

    /**
     * The inputs of a plain audit: no period, so every line finding is reported and every loaded claim
     * line is audited (claims.csv's rows loaded).
     */
    public static AuditReportInputs of(RunRecord run, Iterable<Finding> findings, List<ProviderRatio> ratios,
            Iterable<Reject> rejects) {
        return new AuditReportInputs(run, null, findings, lineFindingsOf(findings), ratios, rejects,
                claimLinesLoaded(run), null);
    }

    /** The period of a period audit; give the line findings of every month with {@link #withAllLineFindings}. */
    public AuditReportInputs withPeriod(ReportPeriod p) {
        return new AuditReportInputs(run, p, findings, allLineFindings, ratios, rejects, linesAudited,
                previousReport);
    }

    /** The reported findings (findings.csv's), in report order; iterable more than once. */
    public AuditReportInputs withFindings(Iterable<Finding> reported) {
        return new AuditReportInputs(run, period, reported, allLineFindings, ratios, rejects, linesAudited,
                previousReport);
    }

    /**
     * Every line finding the rules raised, the period's and the history months' (a period audit reports only
     * the period's): the trend's twelve months and the comparison with the previous report read them.
     * Without it, the line findings of {@link #findings} are taken, which is right for a plain audit only.
     */
    public AuditReportInputs withAllLineFindings(Iterable<Finding> all) {
        return new AuditReportInputs(run, period, findings, all, ratios, rejects, linesAudited, previousReport);
    }

    public AuditReportInputs withLinesAudited(long lines) {
        return new AuditReportInputs(run, period, findings, allLineFindings, ratios, rejects, lines, previousReport);
    }

    public AuditReportInputs withPrevious(Path folder) {
        return new AuditReportInputs(run, period, findings, allLineFindings, ratios, rejects, linesAudited, folder);
    }

    /** The last day the report covers: the period's end, or the as-of date of a plain audit. */
    public LocalDate reportEnd() {
        return period != null ? period.end() : run.asOf();
    }

    /** The parameter ratio_threshold the run used, or null when the rules folder has none. */
    public BigDecimal ratioThreshold() {
        return parameter(RATIO_THRESHOLD);
    }

    /** The parameter ratio_min_decided_trials the run used, or null. */
    public BigDecimal ratioMinDecided() {
        return parameter(RATIO_MIN_DECIDED);
    }

    private BigDecimal parameter(String name) {
        for (ParameterSet.Value v : run.parameters()) {
            if (v.name().equals(name)) {
                return v.value();
            }
        }
        return null;
    }

    /** claims.csv's rows loaded, 0 when the run did not read it. */
    static long claimLinesLoaded(RunRecord run) {
        for (FileSummary f : run.inputFiles()) {
            if (f.fileName().equals(CLAIMS_FILE)) {
                return f.rowsLoaded();
            }
        }
        return 0;
    }

    /** The line-scope findings of an iterable, as an iterable that filters on each pass. */
    public static Iterable<Finding> lineFindingsOf(Iterable<Finding> findings) {
        return () -> Findings.filter(findings.iterator(), f -> f.scope() == Scope.LINE);
    }
}
