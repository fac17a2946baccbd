package org.nmaudit.input;

import java.nio.charset.StandardCharsets;

/**
 * A file saved in a format other than comma-separated UTF-8, told from its first bytes before it is
 * parsed: UTF-16 or UTF-32 text (Excel's "Unicode text"), an Excel workbook, a semicolon-, tab- or
 * pipe-separated header. Parsed as CSV, each would only end in "missing required columns" with the
 * header echoed back (NUL bytes and all); the message says instead what is wrong and how to save it.
 */
final class ForeignFormat {
    /** Enough to hold the header row of any input file. */
    static final int HEAD_BYTES = 1 << 16;

    private static final String SAVE_AS = "save it as UTF-8 comma-separated CSV (in Excel: Save As, \"CSV UTF-8"
            + " (Comma delimited)\")";

    private ForeignFormat() {
    }

    /** What is wrong with the file, given its first bytes, or null when it may be comma-separated UTF-8. */
    static String problem(String file, byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, length, 0x00, 0x00, 0xFE, 0xFF)) {
            return file + " is UTF-32 text (it starts with a UTF-32 byte-order mark); " + SAVE_AS;
        }
        if (startsWith(head, length, 0xFF, 0xFE) || startsWith(head, length, 0xFE, 0xFF)) {
            return file + " looks like UTF-16 text (it starts with a UTF-16 byte-order mark, as Excel's \"Unicode"
                    + " Text\" does); " + SAVE_AS;
        }
        if (length >= 4 && (head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0
                || head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)) {
            return file + " looks like UTF-16 text (every other byte is a NUL byte); " + SAVE_AS;
        }
        if (startsWith(head, length, 'P', 'K', 0x03, 0x04)) {
            return file + " is an Excel workbook or another zip file, not CSV text; " + SAVE_AS;
        }
        return separator(file, firstLine(head, length));
    }

    /** A header with no comma cannot name two columns; another separator in it says which was used. */
    private static String separator(String file, String header) {
        if (header == null || header.indexOf(',') >= 0) {
            return null;
        }
        String[][] separators = {{";", "semicolon"}, {"\t", "tab"}, {"|", "pipe"}};
        for (String[] s : separators) {
            long count = header.chars().filter(c -> c == s[0].charAt(0)).count();
            if (count > 0) {
                return String.format("%s looks %s-separated: its header row has %d %s%s and no comma, but nmaudit"
                        + " reads comma-separated CSV; %s, or replace the %ss with commas", file, s[1], count, s[1],
                        count == 1 ? "" : "s", SAVE_AS, s[1]);
            }
        }
        return null;
    }

    /** The first line that is not blank, as far as the head reaches, or null. */
    private static String firstLine(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int length, int... bytes) {
        if (length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
