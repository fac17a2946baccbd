package org.nmaudit.input;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Input text as it may be shown on a terminal. A header name, a cell or an argument can hold an escape
 * sequence that would recolour, move or clear the user's terminal, or a megabyte of text; every message
 * that echoes input passes it through here: control and other invisible format characters are shown
 * as escapes ({@code \n}, {@code \t}, {@code \u001B}) and long values are cut, saying how long they were.
 */
public final class EchoedText {
    /** What a value in a one-line message is cut to, in characters. */
    public static final int DEFAULT_MAX = 80;

    private EchoedText() {
    }

    /** The value escaped and cut to {@link #DEFAULT_MAX} characters. */
    public static String of(String value) {
        return of(value, DEFAULT_MAX);
    }

    /**
     * The value escaped and, when longer than {@code max} characters (code points), cut to its first
     * {@code max} followed by {@code ... (N characters)}.
     */
    public static String of(String value, int max) {
        if (value == null) {
            return "";
        }
        int length = value.codePointCount(0, value.length());
        if (length <= max) {
            return escaped(value);
        }
        int end = value.offsetByCodePoints(0, max);
        return escaped(value.substring(0, end)) + String.format("... (%,d characters)", length);
    }

    /** The value with every control or invisible format character escaped; nothing is cut. */
    public static String escaped(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (shown(c)) {
                if (sb != null) {
                    sb.append(c);
                }
            } else {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                sb.append(escape(c));
            }
        }
        return sb == null ? value : sb.toString();
    }

    /**
     * A console stream for output that carries input text (finding messages, claim ids, evidence): line
     * breaks pass, every other control character is escaped.
     */
    public static PrintWriter terminal(PrintWriter out) {
        return new PrintWriter(new EscapingWriter(out), true);
    }

    private static boolean shown(char c) {
        if (Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        // bidirectional overrides, zero-width characters and separators that break lines unseen
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04X", (int) c);
        };
    }

    /** Escapes what {@link #escaped} escapes, except a line break ({@code \n}, or {@code \r\n} in one write). */
    private static final class EscapingWriter extends FilterWriter {
        EscapingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            out.write(ch == '\n' || shown(ch) ? String.valueOf(ch) : escape(ch));
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            StringBuilder sb = new StringBuilder(len);
            for (int i = off; i < off + len; i++) {
                char c = s.charAt(i);
                if (c == '\n' || shown(c) || c == '\r' && i + 1 < off + len && s.charAt(i + 1) == '\n') {
                    sb.append(c);
                } else {
                    sb.append(escape(c));
                }
            }
            out.write(sb.toString());
        }
    }
}
