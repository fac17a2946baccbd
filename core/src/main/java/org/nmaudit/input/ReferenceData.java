package org.nmaudit.input;

import java.util.List;
import java.util.stream.Stream;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.ProcedureCode;

/**
 * The reference folder (data/reference by default): the fee schedule and the code table the rules
 * read as facts, so a practice swaps in its own contracted rates without touching a rule.
 *
 * @param folder the folder as the user named it
 * @param files one summary per reference file, with its SHA-256, for run.json
 * @param warnings header remarks (an unknown or repeated column) that do not stop the run
 */
public record ReferenceData(String folder, List<FeeScheduleRate> rates, List<ProcedureCode> codes,
        List<FileSummary> files, List<String> warnings) {

    public Iterable<Object> facts() {
        return () -> Stream.concat(rates.stream(), codes.stream()).map(Object.class::cast).iterator();
    }
}
