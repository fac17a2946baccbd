package org.nmaudit.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings added in any order come out in report order, whether they fit in memory or were spilled. */
class FindingSorterTest {
    @TempDir
    Path tmp;

    @Test
    void spilledRunsMergeIntoReportOrder() throws Exception {
        List<Finding> all = findings(1_000);
        List<Finding> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        for (int inMemory : new int[] {1, 13, 999, 10_000}) {
            Path folder = tmp.resolve("runs-" + inMemory);
            try (FindingSorter sorter = new FindingSorter(folder, inMemory)) {
                for (int i = 0; i < shuffled.size(); i += 37) {
                    sorter.addAll(shuffled.subList(i, Math.min(shuffled.size(), i + 37)));
                }
                Findings sorted = sorter.finish();
                List<Finding> expected = FindingSet.of(all).all();
                assertEquals(expected, read(sorted), inMemory + " in memory");
                assertEquals(expected, read(sorted), inMemory + " in memory, read again");
                assertEquals(1_000, sorted.size());
                assertEquals(FindingSet.of(all).countByRule(), sorted.countByRule());
                assertEquals(FindingSet.of(all).countBySeverity(), sorted.countBySeverity());
                assertEquals(inMemory >= 10_000, sorter.spilledRuns() == 0);
            }
            assertFalse(Files.exists(folder) && Files.list(folder).findAny().isPresent(), "close removes the runs");
        }
    }

    private static List<Finding> read(Findings findings) {
        List<Finding> out = new ArrayList<>();
        findings.forEach(out::add);
        return out;
    }

    private static List<Finding> findings(int n) {
        List<Finding> out = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < n; i++) {
            String rule = "NM-R" + (i % 7);
            Severity s = severities[i % severities.length];
            if (i % 50 == 0) {
                out.add(new Finding(FindingId.ofProvider(rule, "NPI" + i), rule, s, Scope.PROVIDER, null, null, null,
                        "NPI" + i, null, new BigDecimal("10.00"), "provider " + i, "cite", "rule", "r.drl", 3,
                        List.of(Map.of("fact", "ProviderRatio", "n", i)), Map.of("p", "1")));
            } else {
                String claim = "C" + i;
                out.add(new Finding(FindingId.ofLine(rule, claim, i % 3 + 1), rule, s, Scope.LINE,
                        claim, i % 3 + 1, "P" + i, "1234567893", LocalDate.of(2025, 1, 1 + i % 28),
                        i % 4 == 0 ? null : new BigDecimal(i + ".50"), "line " + i, "cite", "rule", "r.drl", 7,
                        List.of(Map.of("fact", "ClaimLine", "line", i)), Map.of()));
            }
        }
        return out;
    }
}
