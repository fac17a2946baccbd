package org.nmaudit.input.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams the segments of one X12 file to a {@link SegmentHandler}, on StAEDI: StAEDI finds the
 * delimiters in ISA, splits segments, elements and components and checks the envelope; this class
 * only gathers one segment's elements at a time. Nothing but the current segment is held.
 */
final class SegmentReader {
    /** StAEDI logs its schema loading at INFO through java.util.logging; a console user needs none of it. */
    private static final Logger STAEDI_LOG = Logger.getLogger("io.xlate.edi");

    static {
        STAEDI_LOG.setLevel(Level.WARNING);
    }

    private SegmentReader() {
    }

    /**
     * Reads {@code in} to its end.
     *
     * @param name the file name, for messages
     * @throws X12Exception when the file is not X12 or StAEDI cannot tokenise it, or when the handler stops
     */
    static void read(String name, InputStream in, SegmentHandler handler) throws X12Exception, IOException {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        SegmentTagGuard guarded = new SegmentTagGuard(in);
        EventSegment segment = new EventSegment();
        long ordinal = 0;
        int physicalLine = 0;
        boolean any = false;
        try (EDIStreamReader reader = factory.createEDIStreamReader(guarded, "UTF-8")) {
            boolean skipping = false;
            boolean reading = true;
            while (reading && reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        Location at = reader.getLocation();
                        ordinal = at.getSegmentPosition();
                        physicalLine = at.getLineNumber();
                        any = true;
                        SegmentTagGuard.Malformed bad = SegmentTagGuard.PLACEHOLDER.equals(at.getSegmentTag())
                                ? guarded.replacedAt(ordinal) : null;
                        skipping = bad != null || !handler.wants(at.getSegmentTag());
                        if (bad != null) {
                            handler.unreadableSegment(ordinal, bad.physicalLine(), bad.text());
                        } else if (!skipping) {
                            segment.begin(at.getSegmentTag(), ordinal, physicalLine);
                        }
                    }
                    case ELEMENT_DATA -> {
                        if (!skipping) {
                            Location at = reader.getLocation();
                            if (at.getElementOccurrence() <= 1) { // a repetition is not read
                                int component = at.getComponentPosition();
                                segment.set(at.getElementPosition(), component < 1 ? 1 : component, reader.getText());
                            }
                        }
                    }
                    case END_SEGMENT -> {
                        if (!skipping) {
                            reading = handler.segment(segment);
                        }
                        skipping = false;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            handler.envelopeProblem(reader.getLocation().getSegmentPosition(),
                                    envelopeProblem(reader.getLocation(), reader.getErrorType(), errorText(reader)));
                    default -> {
                        // interchange, group and transaction boundaries arrive as their segments too
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw unreadable(name, ordinal, physicalLine, any, e);
        } catch (RuntimeException e) {
            // StAEDI signals some malformed input with unchecked exceptions.
            throw unreadable(name, ordinal, physicalLine, any, e);
        }
    }

    private static String errorText(EDIStreamReader reader) {
        try {
            return reader.hasText() ? reader.getText() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String envelopeProblem(Location at, EDIStreamValidationError error, String value) {
        String element = at.getSegmentTag() + (at.getElementPosition() > 0
                ? String.format("%02d", at.getElementPosition()) : "");
        String shown = value == null || value.isEmpty() ? "" : " " + value;
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT ->
                    element + shown + " does not match the number of segments or groups actually sent";
            case CONTROL_REFERENCE_MISMATCH ->
                    element + shown + " does not match the control number of the matching header segment";
            default -> element + shown + ": " + error.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static X12Exception unreadable(String name, long ordinal, int line, boolean any, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!any) {
            return new X12Exception(name + " cannot be read as X12: it must start with an ISA interchange header"
                    + " (" + detail + ")", e);
        }
        return new X12Exception(name + " cannot be read as X12 after segment " + ordinal + " (line " + line + "): "
                + detail, e);
    }
}
