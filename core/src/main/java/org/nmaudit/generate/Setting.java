package org.nmaudit.generate;

/** Where a procedure is done; it decides whether a facility bills its own institutional claim. */
enum Setting {
    OFFICE,
    HOSPITAL,
    ASC
}
