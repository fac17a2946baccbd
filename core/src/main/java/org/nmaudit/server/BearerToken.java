package org.nmaudit.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The bearer token a server bound beyond the loopback address requires: read from a file (--token-file), so it
 * never shows on a command line, in a process list or in the log; compared in constant time.
 */
final class BearerToken {
    /** Shorter tokens are too easy to guess to guard claim data. */
    static final int MIN_LENGTH = 16;
    private static final String SCHEME = "Bearer ";

    private final byte[] token;

    private BearerToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The token of a file: its content without surrounding white space (a final newline).
     *
     * @throws IOException the file cannot be read
     * @throws IllegalArgumentException the file is empty, the token too short, or it holds white space inside
     */
    static BearerToken fromFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the token file " + file + " is empty");
        }
        if (text.length() < MIN_LENGTH || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the token file " + file + " must hold one token of at least "
                    + MIN_LENGTH + " characters without spaces (e.g. from: openssl rand -hex 32)");
        }
        return new BearerToken(text);
    }

    /** Whether an Authorization header carries this token. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
