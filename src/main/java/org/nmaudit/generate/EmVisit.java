package org.nmaudit.generate;

import java.time.LocalDate;

/** An office evaluation and management visit (99203/99204 new, 99213-99215 established). */
record EmVisit(LocalDate date, String cpt) {
}
