package org.nmaudit.scrub;

/** What a scrub decides for one claim of the batch (scrubbing.md, "What a scrub decides", step 5). */
public enum Verdict {
    /** A line of the claim was rejected: nothing of it was evaluated; fix it before it is sent. */
    REJECTED,
    /** A finding at or above the fail-on severity (default HIGH): do not send as is. */
    HOLD,
    /** A finding of severity LOW or above: send after a look. */
    REVIEW,
    /** No finding, or INFO findings only. */
    PASS
}
