package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/**
 * The default as-of date of a scrub (the latest stored service_date outside the claims the batch sends again),
 * read a page of the service_date index at a time: the latest days held only by resent claims are passed over,
 * also when they fill more than the first page.
 */
class LatestServiceDateTest {
    static List<TestDatabase> databases() {
        return TestDatabase.both().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void resentClaimsArePassedOverPageAfterPage(TestDatabase db) throws Exception {
        // JUnit closes the database (an AutoCloseable argument) after the test
        List<ClaimLine> lines = new ArrayList<>();
        Set<String> latestDay = new HashSet<>();
        for (int i = 1; i <= 200; i++) {
            lines.add(line("X-" + i, LocalDate.of(2026, 1, 31)));
            latestDay.add("X-" + i);
        }
        lines.add(line("Y-1", LocalDate.of(2026, 1, 30)));
        lines.add(line("Z-1", LocalDate.of(2026, 1, 1)));
        try (HistoryStore store = db.open()) {
            store.record(lines, List.of(), "test");
            assertEquals(Optional.of(LocalDate.of(2026, 1, 31)), store.latestServiceDate(Set.of("X-1", "Y-1")));
            assertEquals(Optional.of(LocalDate.of(2026, 1, 30)), store.latestServiceDate(latestDay),
                    "200 resent lines on the latest day: past the first pages");
            Set<String> allButZ = new HashSet<>(latestDay);
            allButZ.add("Y-1");
            assertEquals(Optional.of(LocalDate.of(2026, 1, 1)), store.latestServiceDate(allButZ));
            allButZ.add("Z-1");
            assertEquals(Optional.empty(), store.latestServiceDate(allButZ), "every stored claim resent");
        }
    }

    private static ClaimLine line(String claimId, LocalDate date) {
        return new ClaimLine(claimId, 1, "P1", PayerType.MEDICARE, "1234567893", date, "95972", List.of(),
                BigDecimal.ONE, List.of("Z45.42"), "11", null, null, new BigDecimal("160.00"), null, 1);
    }
}
