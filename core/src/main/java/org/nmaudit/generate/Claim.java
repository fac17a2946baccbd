package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One claim: a physician's professional claim (no bill type) or a facility's institutional claim,
 * for one service date. Besides the billed content it carries how the source billing system writes
 * it (dollar signs, dotless diagnoses, a lower-case payer), which the reader must accept.
 */
final class Claim {

    enum Type {
        PROFESSIONAL,
        INSTITUTIONAL
    }

    final LocalDate date;
    /** The facility's NPI on an institutional claim, unless a CLAIMS-stage injection puts the physician's there. */
    String renderingNpi;
    final Type type;
    final Facility facility;
    final String placeOfService;
    /** Order among the day's claims: the referring physician's first, then colleagues', then facilities'. */
    final int rank;
    final List<ClaimLine> lines = new ArrayList<>();
    String billType = "";
    String priorAuth = "";

    boolean dollarAmounts;
    boolean dxWithoutDot;
    boolean unitsBlankWhenOne;
    boolean lowerCaseHcpcs;
    String payerText = "";

    Claim(LocalDate date, String renderingNpi, Type type, Facility facility, String placeOfService, int rank) {
        this.date = date;
        this.renderingNpi = renderingNpi;
        this.type = type;
        this.facility = facility;
        this.placeOfService = placeOfService;
        this.rank = rank;
    }

    Claim add(ClaimLine line) {
        lines.add(line);
        return this;
    }

    boolean institutional() {
        return type == Type.INSTITUTIONAL;
    }

    /** A second claim for one of this claim's lines, sent again the way the first went out. */
    Claim resubmission(ClaimLine line) {
        Claim copy = new Claim(date, renderingNpi, type, facility, placeOfService, rank);
        copy.billType = billType;
        copy.priorAuth = priorAuth;
        copy.dollarAmounts = dollarAmounts;
        copy.dxWithoutDot = dxWithoutDot;
        copy.unitsBlankWhenOne = unitsBlankWhenOne;
        copy.lowerCaseHcpcs = lowerCaseHcpcs;
        copy.payerText = payerText;
        return copy.add(line.copy());
    }
}
