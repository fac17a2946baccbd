package org.nmaudit.facts;

/** The payer_type values data-format.md allows. */
public enum PayerType {
    MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, COMMERCIAL, OTHER
}
