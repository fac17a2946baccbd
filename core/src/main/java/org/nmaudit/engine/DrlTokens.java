package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * DRL (and the Java or MVEL inside it) cut into tokens for {@link RuleSafety}: names, string and character
 * literals, numbers and punctuation, each with its 1-based line and column; comments and whitespace are
 * dropped. Where this reading and the compiler's could differ it errs towards code: a string ends at the
 * end of its line, {@code #} is not a comment, so nothing the compiler runs is ever taken for a comment or a
 * string here.
 */
final class DrlTokens {
    enum Kind { IDENT, STRING, NUMBER, PUNCT, INVISIBLE }

    record Token(Kind kind, String text, int line, int column) {
    }

    private DrlTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = stop;
            } else if (c == '"' || c == '\'') {
                int start = i;
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n' ? 2 : 1;
                }
                if (i < n && text.charAt(i) == c) {
                    i++;
                }
                tokens.add(new Token(Kind.STRING, text.substring(start, i), line, column));
            } else if (Character.isIdentifierIgnorable(c) || Character.getType(c) == Character.FORMAT) {
                tokens.add(new Token(Kind.INVISIBLE, String.valueOf(c), line, column));
                i++;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                StringBuilder name = new StringBuilder();
                while (i < n && (Character.isJavaIdentifierPart(text.charAt(i)))) {
                    char p = text.charAt(i);
                    if (Character.isIdentifierIgnorable(p) || Character.getType(p) == Character.FORMAT) {
                        tokens.add(new Token(Kind.INVISIBLE, String.valueOf(p), line, i - lineStart + 1));
                    } else {
                        name.append(p);
                    }
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, name.toString(), line, start - lineStart + 1));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || (text.charAt(i) == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), line, column));
            } else if (c == '.' && i + 1 < n && text.charAt(i + 1) == '?') {
                tokens.add(new Token(Kind.PUNCT, ".?", line, column));
                i += 2;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                tokens.add(new Token(Kind.PUNCT, "::", line, column));
                i += 2;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line, column));
                i++;
            }
        }
        return tokens;
    }

    /** A position token for an offset of the text (its line and column). */
    static Token at(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Token(Kind.PUNCT, "", line, offset - lineStart + 1);
    }
}
