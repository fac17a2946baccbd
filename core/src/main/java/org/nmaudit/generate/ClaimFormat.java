package org.nmaudit.generate;

/** How the generator writes the claim lines: claims.csv, or X12 837P/837I claims with 835 remittances. */
public enum ClaimFormat {
    CSV,
    X12
}
