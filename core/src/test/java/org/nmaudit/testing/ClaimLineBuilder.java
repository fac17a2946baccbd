package org.nmaudit.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/**
 * Hand-written claim lines for rule tests. Defaults: Medicare, professional claim (no bill type),
 * one unit, physician NPI {@link #NPI_A}, billed 100.00 and unpaid.
 */
public final class ClaimLineBuilder {
    /** Valid NPIs (check digit included) for fixtures. */
    public static final String NPI_A = "1234567893";
    public static final String NPI_B = "1245319599";
    public static final String NPI_HOSPITAL = "1982765434";

    private String claimId;
    private int lineNumber = 1;
    private String patientId = "P1";
    private PayerType payer = PayerType.MEDICARE;
    private String npi = NPI_A;
    private LocalDate date;
    private String cpt;
    private final List<String> modifiers = new ArrayList<>();
    private BigDecimal units = BigDecimal.ONE;
    private final List<String> diagnoses = new ArrayList<>();
    private String pos;
    private String billType;
    private String priorAuth;
    private BigDecimal billed = new BigDecimal("100.00");
    private BigDecimal paid;
    private long sourceLine = 2;

    private ClaimLineBuilder(String claimId, int lineNumber) {
        this.claimId = claimId;
        this.lineNumber = lineNumber;
    }

    public static ClaimLineBuilder claim(String claimId, int lineNumber) {
        return new ClaimLineBuilder(claimId, lineNumber);
    }

    public static ClaimLineBuilder claim(String claimId) {
        return new ClaimLineBuilder(claimId, 1);
    }

    public ClaimLineBuilder patient(String patientId) {
        this.patientId = patientId;
        return this;
    }

    public ClaimLineBuilder payer(PayerType payer) {
        this.payer = payer;
        return this;
    }

    public ClaimLineBuilder npi(String npi) {
        this.npi = npi;
        return this;
    }

    public ClaimLineBuilder on(String isoDate) {
        this.date = LocalDate.parse(isoDate);
        return this;
    }

    public ClaimLineBuilder on(LocalDate date) {
        this.date = date;
        return this;
    }

    public ClaimLineBuilder cpt(String cpt) {
        this.cpt = cpt;
        return this;
    }

    public ClaimLineBuilder modifiers(String... modifiers) {
        this.modifiers.addAll(List.of(modifiers));
        return this;
    }

    public ClaimLineBuilder units(String units) {
        this.units = new BigDecimal(units);
        return this;
    }

    public ClaimLineBuilder dx(String... codes) {
        this.diagnoses.addAll(List.of(codes));
        return this;
    }

    public ClaimLineBuilder pos(String placeOfService) {
        this.pos = placeOfService;
        return this;
    }

    /** A hospital outpatient institutional line (bill type 131). */
    public ClaimLineBuilder institutional() {
        return billType("131");
    }

    public ClaimLineBuilder billType(String billType) {
        this.billType = billType;
        return this;
    }

    public ClaimLineBuilder priorAuth(String number) {
        this.priorAuth = number;
        return this;
    }

    public ClaimLineBuilder billed(String amount) {
        this.billed = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    public ClaimLineBuilder paid(String amount) {
        this.paid = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    public ClaimLineBuilder sourceLine(long line) {
        this.sourceLine = line;
        return this;
    }

    public ClaimLine build() {
        if (date == null || cpt == null) {
            throw new IllegalStateException("a fixture line needs a date and a CPT code");
        }
        return new ClaimLine(claimId, lineNumber, patientId, payer, npi, date, cpt, modifiers, units, diagnoses, pos,
                billType, priorAuth, billed, paid, sourceLine);
    }
}
