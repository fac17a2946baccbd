package org.nmaudit.input.x12;

/** Receives the segments of one X12 file in order. */
interface SegmentHandler {
    /**
     * A complete segment.
     *
     * @return false to stop reading here (the rest of the file is not read); throw to fail the file
     */
    boolean segment(Segment segment) throws X12Exception;

    /**
     * Whether the handler reads segments with this tag; the elements of the others are not even turned into
     * text (a claim batch is mostly addresses, contacts and other payers' data).
     */
    default boolean wants(String tag) {
        return true;
    }

    /**
     * A segment that could not be tokenised (its tag is not 2-3 letters or digits) and was skipped.
     *
     * @param text the segment as it was sent, without its terminator
     */
    default void unreadableSegment(long ordinal, int physicalLine, String text) throws X12Exception {
    }

    /** An inconsistency of the envelope StAEDI found (a count or control number that does not match). */
    default void envelopeProblem(long ordinal, String problem) {
    }
}
