package org.nmaudit.input.x12;

import java.util.List;

/** The transaction sets nmaudit reads, each with the implementation-guide versions it accepts (x12-input.md §5). */
enum TransactionKind {
    PROFESSIONAL("837P", "837", List.of("005010X222A1", "005010X222A2")),
    INSTITUTIONAL("837I", "837", List.of("005010X223A2", "005010X223A3")),
    REMITTANCE("835", "835", List.of("005010X221A1"));

    static final String ACCEPTED = "005010X222A1 or 005010X222A2 (837P), 005010X223A2 or 005010X223A3 (837I),"
            + " 005010X221A1 (835)";

    private final String label;
    private final String transactionSet;
    private final List<String> versions;

    TransactionKind(String label, String transactionSet, List<String> versions) {
        this.label = label;
        this.transactionSet = transactionSet;
        this.versions = versions;
    }

    /** 837P, 837I or 835. */
    String label() {
        return label;
    }

    boolean claims() {
        return this != REMITTANCE;
    }

    /** The kind for a transaction set id (ST01) and version, or null when nmaudit does not read it. */
    static TransactionKind of(String st01, String version) {
        for (TransactionKind k : values()) {
            if (k.transactionSet.equals(st01) && k.versions.contains(version)) {
                return k;
            }
        }
        return null;
    }
}
