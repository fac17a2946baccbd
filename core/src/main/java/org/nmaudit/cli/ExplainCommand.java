package org.nmaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nmaudit.input.EchoedText;
import org.nmaudit.report.DiffListings;
import org.nmaudit.report.ExplainedFinding;
import org.nmaudit.report.FindingExplanation;
import org.nmaudit.report.FindingsJson;
import org.nmaudit.report.ReportException;
import org.nmaudit.report.ReportFolder;
import org.nmaudit.report.ReportWriter;
import org.nmaudit.report.ReportedFinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmaudit explain FINDING_ID --report DIR}: one finding of a report, in words, from the report alone. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Explains one finding of a report: what was found on which claim line or provider, the rule"
                + " (id, file:line, citation), the parameter values it used, every fact it matched in words, and"
                + " the run (as-of date, data and rules folders, where the parameter values came from). Reads only"
                + " the report folder's findings.json; needs neither the rules nor the data.")
public final class ExplainCommand implements Callable<Integer> {
    private static final String HEX = "[0-9a-f]+";

    @Parameters(index = "0", paramLabel = "FINDING_ID",
            description = "The finding's id, the first column of findings.csv (and of diff.csv), or an unambiguous"
                    + " start of it such as its first 6 digits; any case.")
    String findingId;

    @Option(names = "--report", paramLabel = "DIR", required = true,
            description = "The report folder an audit wrote (its --out), e.g. reports/2025-12.")
    Path reportFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Findings carry input text (claim ids, notes): shown with control characters escaped.
        PrintWriter out = EchoedText.terminal(spec.commandLine().getOut());
        PrintWriter err = EchoedText.terminal(spec.commandLine().getErr());
        String id = findingId.trim().toLowerCase(Locale.ROOT);
        if (id.isEmpty() || !id.matches(HEX)) {
            err.println("nmaudit explain: '" + EchoedText.of(findingId) + "' is not a finding id: finding ids are 16 hexadecimal"
                    + " digits (0-9, a-f), the first column of " + reportFolder.resolve(ReportWriter.FINDINGS_CSV));
            return ExitCode.USAGE;
        }
        FindingsJson.Lookup lookup;
        try {
            lookup = ReportFolder.open(reportFolder).lookUp(id);
        } catch (ReportException e) {
            err.println("nmaudit explain: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (lookup.matchCount() == 0) {
            return unknown(err, id, lookup);
        }
        if (lookup.matchCount() > 1) {
            return ambiguous(err, id, lookup);
        }
        ExplainedFinding finding = lookup.matches().get(0);
        new FindingExplanation(out).print(reportFolder, lookup.run(), finding);
        return ExitCode.OK;
    }

    private int unknown(PrintWriter err, String id, FindingsJson.Lookup lookup) {
        err.printf(Locale.ROOT, "nmaudit explain: no finding %s in %s (%,d findings)%n", id,
                reportFolder.resolve(ReportWriter.FINDINGS_JSON), lookup.findingsTotal());
        if (!lookup.nearest().isEmpty()) {
            err.println("Nearest ids:");
            lookup.nearest().forEach(f -> err.println("  " + line(f)));
        }
        err.println("The finding ids are the first column of " + reportFolder.resolve(ReportWriter.FINDINGS_CSV)
                + ".");
        List<DiffListings.Listing> listed = DiffListings.of(reportFolder, id);
        if (listed.isEmpty()) {
            err.println("A finding that diff lists as new is only in the newer report, one it lists as absent only in"
                    + " the older: explain it with --report set to the report that holds it.");
        }
        for (DiffListings.Listing l : listed.subList(0, Math.min(listed.size(), 3))) {
            if (l.status().equals("absent")) {
                err.println(l.diffCsv() + " lists " + l.findingId() + " as absent: only the older report of that"
                        + " comparison holds it; explain it with --report set to that report.");
            } else {
                err.println(l.diffCsv() + " lists " + l.findingId() + " as " + EchoedText.of(l.status()) + ": the"
                        + " newer report of that comparison holds it; explain it with --report " + l.newerReport()
                        + ".");
            }
        }
        return ExitCode.USAGE;
    }

    private int ambiguous(PrintWriter err, String id, FindingsJson.Lookup lookup) {
        err.printf(Locale.ROOT, "nmaudit explain: %s starts %,d finding ids in %s; give more digits:%n", id,
                lookup.matchCount(), reportFolder.resolve(ReportWriter.FINDINGS_JSON));
        lookup.matches().forEach(f -> err.println("  " + line(f.row())));
        if (lookup.matchCount() > lookup.matches().size()) {
            err.printf(Locale.ROOT, "  ... and %,d more%n", lookup.matchCount() - lookup.matches().size());
        }
        return ExitCode.USAGE;
    }

    private static String line(ReportedFinding f) {
        return f.findingId() + "  " + f.ruleId() + "  " + f.subject();
    }
}
