package org.nmaudit.generate;

/** The payer_type values data-format.md allows. */
enum PayerType {
    MEDICARE,
    MEDICARE_ADVANTAGE,
    COMMERCIAL,
    MEDICAID,
    OTHER
}
