package org.nmaudit.engine;

import java.util.List;

/**
 * DRL text as the lexer reads it: comments, string literals and code told apart, with every position
 * kept (what is blanked becomes spaces, line breaks stay), so a line and column found in the blanked
 * text is the line and column in the file.
 */
final class DrlText {
    /** A 1-based position in a file. */
    record Position(int line, int column) {
    }

    private enum State { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING }

    private DrlText() {
    }

    /** The text with its comments ({@code //}, {@code /* *}{@code /}) blanked; strings are kept. */
    static String withoutComments(String text) {
        return scan(text, false, null);
    }

    /** The text with its comments and the content of its string literals blanked (quotes are kept). */
    static String codeOnly(String text) {
        return scan(text, true, null);
    }

    /**
     * The opening quote of the first string literal that is not closed on its own line, or null. No rule
     * in nmaudit needs a string over several lines, so such a string is a missing quote: the parser
     * reads on to the next quote, or the end of the file, and reports its error far away.
     */
    static Position unclosedString(String text) {
        Position[] found = new Position[1];
        scan(text, true, found);
        return found[0];
    }

    /**
     * The last {@code (} in lines [from, to) of code-only text that is still open at the start of line
     * {@code to}, or null when every parenthesis there is closed.
     */
    static Position unclosedParenthesis(List<String> codeLines, int from, int to) {
        java.util.ArrayDeque<Position> open = new java.util.ArrayDeque<>();
        for (int line = Math.max(from, 1); line < to && line <= codeLines.size(); line++) {
            String s = codeLines.get(line - 1);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(') {
                    open.push(new Position(line, i + 1));
                } else if (c == ')' && !open.isEmpty()) {
                    open.pop();
                }
            }
        }
        return open.isEmpty() ? null : open.peek();
    }

    private static String scan(String text, boolean blankStrings, Position[] unclosed) {
        StringBuilder out = new StringBuilder(text.length());
        State state = State.CODE;
        char quote = 0;
        int line = 1;
        int column = 0;
        Position stringStart = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            column++;
            if (c == '\n') {
                if (state == State.STRING) {
                    // A string ends at the line break: later lines are read as code again.
                    if (unclosed != null && unclosed[0] == null) {
                        unclosed[0] = stringStart;
                    }
                    state = State.CODE;
                } else if (state == State.LINE_COMMENT) {
                    state = State.CODE;
                }
                out.append('\n');
                line++;
                column = 0;
                continue;
            }
            switch (state) {
                case CODE -> {
                    if (c == '/' && next == '/') {
                        state = State.LINE_COMMENT;
                        out.append(' ');
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        out.append("  ");
                        i++;
                        column++;
                    } else if (c == '"' || c == '\'') {
                        state = State.STRING;
                        quote = c;
                        stringStart = new Position(line, column);
                        out.append(c);
                    } else {
                        out.append(c);
                    }
                }
                case LINE_COMMENT -> out.append(' ');
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        out.append("  ");
                        i++;
                        column++;
                    } else {
                        out.append(' ');
                    }
                }
                case STRING -> {
                    if (c == '\\' && next != 0 && next != '\n') {
                        out.append(blankStrings ? "  " : "" + c + next);
                        i++;
                        column++;
                    } else if (c == quote) {
                        state = State.CODE;
                        out.append(c);
                    } else {
                        out.append(blankStrings ? ' ' : c);
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        if (state == State.STRING && unclosed != null && unclosed[0] == null) {
            unclosed[0] = stringStart;
        }
        return out.toString();
    }
}
