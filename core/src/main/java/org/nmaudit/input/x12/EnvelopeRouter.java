package org.nmaudit.input.x12;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the envelope of one X12 file (ISA, GS, ST ... SE, GE, IEA): checks that every transaction
 * set is an 837P, 837I or 835 of an accepted version (GS08 and ST03, x12-input.md §5) and hands the
 * segments between ST and SE to the reader of that kind.
 */
final class EnvelopeRouter implements SegmentHandler {

    /** Reads the segments of one transaction set (after ST, before SE). */
    interface TransactionReader {
        /** Whether the reader needs segments with this tag (the others are skipped unread). */
        default boolean wants(String tag) {
            return true;
        }

        void segment(Segment segment) throws X12Exception;

        /** A segment that could not be read; the reader rejects what it belongs to. */
        void unreadable(long ordinal, String text);

        /** SE (or the end of the file): the last claim or payment is complete. */
        void end();
    }

    /** Starts the reader for one transaction set, or returns null to skip the set. */
    interface Readers {
        TransactionReader start(TransactionKind kind) throws X12Exception;
    }

    private final String file;
    private final Readers readers;
    private final Consumer<String> warnings;
    private final Set<TransactionKind> kinds = EnumSet.noneOf(TransactionKind.class);
    private String gs08 = "";
    private TransactionReader current;

    EnvelopeRouter(String file, Readers readers, Consumer<String> warnings) {
        this.file = file;
        this.readers = readers;
        this.warnings = warnings;
    }

    /** The kinds of transaction sets read so far. */
    Set<TransactionKind> kinds() {
        return kinds;
    }

    @Override
    public boolean wants(String tag) {
        return switch (tag) {
            case "ISA", "GS", "ST", "SE", "GE", "IEA" -> true;
            default -> current != null && current.wants(tag);
        };
    }

    @Override
    public boolean segment(Segment s) throws X12Exception {
        switch (s.tag()) {
            case "ISA", "GE", "IEA" -> endTransaction();
            case "GS" -> {
                endTransaction();
                gs08 = s.element(8);
            }
            case "ST" -> {
                endTransaction();
                TransactionKind kind = kindOf(s);
                kinds.add(kind);
                current = readers.start(kind);
            }
            case "SE" -> endTransaction();
            default -> {
                if (current != null) {
                    current.segment(s);
                }
            }
        }
        return true;
    }

    @Override
    public void unreadableSegment(long ordinal, int physicalLine, String text) {
        warnings.accept(file + " segment " + ordinal + " (line " + physicalLine + "): '" + text
                + "' is not a well-formed segment (a segment starts with a tag of 2-3 letters or digits) and was"
                + " skipped");
        if (current != null) {
            current.unreadable(ordinal, text);
        }
    }

    @Override
    public void envelopeProblem(long ordinal, String problem) {
        warnings.accept(file + " segment " + ordinal + ": " + problem);
    }

    /** Ends a transaction set whose SE is missing at the end of the file. */
    void finish() {
        endTransaction();
    }

    private void endTransaction() {
        if (current != null) {
            current.end();
            current = null;
        }
    }

    private TransactionKind kindOf(Segment st) throws X12Exception {
        String set = st.element(1);
        String st03 = st.element(3);
        if (!set.equals("837") && !set.equals("835")) {
            throw new X12Exception(file + " segment " + st.ordinal() + ": ST01 " + set + " is a transaction set"
                    + " nmaudit does not read; it reads 837 claims and 835 remittances");
        }
        TransactionKind byGroup = gs08.isEmpty() ? null : TransactionKind.of(set, gs08);
        TransactionKind bySet = st03.isEmpty() ? null : TransactionKind.of(set, st03);
        if (!gs08.isEmpty() && byGroup == null) {
            throw wrongVersion(st, set, "GS08", gs08);
        }
        if (!st03.isEmpty() && bySet == null) {
            throw wrongVersion(st, set, "ST03", st03);
        }
        if (byGroup == null && bySet == null) {
            throw new X12Exception(file + " segment " + st.ordinal() + ": ST*" + set + " names no version in GS08"
                    + " or ST03; nmaudit reads " + TransactionKind.ACCEPTED);
        }
        if (byGroup != null && bySet != null && byGroup != bySet) {
            throw new X12Exception(file + " segment " + st.ordinal() + ": GS08 " + gs08 + " and ST03 " + st03
                    + " name different implementation guides");
        }
        return bySet != null ? bySet : byGroup;
    }

    private X12Exception wrongVersion(Segment st, String set, String element, String version) {
        return new X12Exception(file + " segment " + st.ordinal() + ": " + element + " " + version + " of ST*" + set
                + " is not a version nmaudit reads; it reads " + TransactionKind.ACCEPTED);
    }
}
