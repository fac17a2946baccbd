package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;

/**
 * Line findings and their amount at risk per month of service (the flagged line's service_date), for the
 * {@link #MONTHS} months up to the report's last month: two numbers per month, whatever the number of
 * findings.
 */
public final class MonthlyTrend {
    public static final int MONTHS = 12;

    private final YearMonth first;
    private final ReportPeriod period;
    private final int[] counts = new int[MONTHS];
    private final BigDecimal[] amounts = new BigDecimal[MONTHS];

    /**
     * @param last the last month shown: the period's last month, or the as-of month
     * @param period the reported months; null when every month is reported
     */
    public MonthlyTrend(YearMonth last, ReportPeriod period) {
        this.first = last.minusMonths(MONTHS - 1L);
        this.period = period;
        Arrays.fill(amounts, BigDecimal.ZERO);
    }

    public static List<MonthTally> of(Iterable<Finding> lineFindings, YearMonth last, ReportPeriod period) {
        MonthlyTrend trend = new MonthlyTrend(last, period);
        lineFindings.forEach(trend::add);
        return trend.months();
    }

    /** Counts a line finding of the window's months; other findings are skipped. */
    public void add(Finding f) {
        LocalDate date = f.serviceDate();
        if (f.scope() != Scope.LINE || date == null) {
            return;
        }
        long i = first.until(YearMonth.from(date), ChronoUnit.MONTHS);
        if (i < 0 || i >= MONTHS) {
            return;
        }
        counts[(int) i]++;
        if (f.amountAtRisk() != null) {
            amounts[(int) i] = amounts[(int) i].add(f.amountAtRisk());
        }
    }

    /** The twelve months, oldest first. */
    public List<MonthTally> months() {
        List<MonthTally> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth m = first.plusMonths(i);
            months.add(new MonthTally(m, counts[i], amounts[i], period == null || period.contains(m)));
        }
        return List.copyOf(months);
    }
}
