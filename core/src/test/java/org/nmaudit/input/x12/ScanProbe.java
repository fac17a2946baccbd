package org.nmaudit.input.x12;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: the segments StAEDI and the scanner read from the same bytes, as text lines. */
final class ScanProbe {
    /** What one reader gave: every segment ("ordinal TAG|e1|c1:c2|..."), the problems it reported, or its failure. */
    record Reading(List<String> segments, List<String> problems, String failure, boolean clean) {
    }

    private ScanProbe() {
    }

    static Reading staedi(byte[] bytes) {
        List<String> segments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            SegmentReader.read("f", new BufferedInputStream(new ByteArrayInputStream(bytes)), recorder(segments, problems));
            return new Reading(segments, problems, null, problems.isEmpty());
        } catch (Exception e) {
            return new Reading(segments, problems, e.getMessage(), false);
        }
    }

    static Reading scanner(byte[] bytes) {
        List<String> segments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            EnvelopeCheck check = new EnvelopeCheck(recorder(segments, problems));
            boolean plain = SegmentScanner.read("f", new ByteArrayInputStream(bytes), check);
            return new Reading(segments, problems, null, plain && check.passed());
        } catch (Exception e) {
            return new Reading(segments, problems, e.getMessage(), false);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SegmentHandler recorder(List<String> segments, List<String> problems) {
        return new SegmentHandler() {
            @Override
            public boolean segment(Segment s) {
                StringBuilder b = new StringBuilder().append(s.ordinal()).append(' ').append(s.tag());
                for (int e = 1; e <= s.elementCount(); e++) {
                    b.append('|').append(s.components(e)).append('=').append(s.text(e));
                }
                segments.add(b.toString());
                return true;
            }

            @Override
            public void unreadableSegment(long ordinal, int physicalLine, String text) {
                problems.add(ordinal + " unreadable " + text);
            }

            @Override
            public void envelopeProblem(long ordinal, String problem) {
                problems.add(ordinal + " " + problem);
            }
        };
    }
}
