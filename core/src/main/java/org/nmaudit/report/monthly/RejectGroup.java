package org.nmaudit.report.monthly;

import java.util.List;

/**
 * The rejects of one file that share a column and a reason once the row's own values are cut out.
 *
 * @param reason the reason pattern, e.g. "rendering_npi … fails the NPI check digit"
 * @param count how many rejects (problems) have it; a row with two problems counts in two groups
 * @param lines the first few lines of the file with it, in file order
 * @param values the first few distinct rejected values
 */
public record RejectGroup(String file, String column, String reason, int count, List<Long> lines,
        List<String> values) {
}
