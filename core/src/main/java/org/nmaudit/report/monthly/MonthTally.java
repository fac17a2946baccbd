package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The line findings on claim lines of one month (by service_date).
 *
 * @param amountAtRisk the sum of their amount_at_risk
 * @param reported true for a month of the period (or, without a period, every month): its findings are
 *     in findings.csv; false for a history month, whose findings only the trend shows
 */
public record MonthTally(YearMonth month, int findings, BigDecimal amountAtRisk, boolean reported) {
}
