package org.nmaudit.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which database holds the history: a JDBC URL of H2 (the embedded default, a file under the working
 * folder) or PostgreSQL. A URL is checked before anything connects: a password in it is refused, because
 * the URL is given on the command line.
 */
public final class StoreLocation {
    /** The default database's folder, under the working folder. */
    public static final String DEFAULT_FOLDER = "nmaudit-history";
    /** H2 names the files of a database {@code <name>.mv.db}. */
    static final String DEFAULT_NAME = "history";

    private static final Pattern USER_INFO_WITH_PASSWORD = Pattern.compile("^jdbc:postgresql://[^/?@]*:[^/?@]*@.*");

    /** The kinds of database nmaudit runs its store on. */
    public enum Kind {
        H2, POSTGRESQL
    }

    private final String jdbcUrl;
    private final Kind kind;

    private StoreLocation(String jdbcUrl, Kind kind) {
        this.jdbcUrl = jdbcUrl;
        this.kind = kind;
    }

    /** The embedded H2 database {@code nmaudit-history/history} under {@code workingFolder}. */
    public static StoreLocation defaultIn(Path workingFolder) {
        Path file = workingFolder.toAbsolutePath().normalize().resolve(DEFAULT_FOLDER).resolve(DEFAULT_NAME);
        return new StoreLocation("jdbc:h2:file:" + file, Kind.H2);
    }

    /** The --db URL, or the default database under the working folder when it is null. */
    public static StoreLocation of(String url) throws HistoryException {
        return url == null ? defaultIn(Path.of("")) : parse(url);
    }

    /** A jdbc:h2: or jdbc:postgresql: URL without a password. */
    public static StoreLocation parse(String url) throws HistoryException {
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        // Checked first, and the URL is not repeated in the message: it holds the password.
        if (lower.contains("password=") || USER_INFO_WITH_PASSWORD.matcher(lower).matches()) {
            throw new HistoryException("the --db URL contains a password; a command line is visible to other users"
                    + " of the machine and stays in the shell history, so nmaudit refuses it: remove the password"
                    + " from the URL and set it in the environment variable " + Credentials.PASSWORD_VARIABLE
                    + " (the user in " + Credentials.USER_VARIABLE + ")");
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            if (!lower.startsWith("jdbc:postgresql://") || lower.length() == "jdbc:postgresql://".length()) {
                throw new HistoryException("--db " + trimmed + " is not a PostgreSQL URL nmaudit can use; write"
                        + " jdbc:postgresql://HOST[:PORT]/DATABASE (e.g. jdbc:postgresql://127.0.0.1:5432/billing)");
            }
            return new StoreLocation(trimmed, Kind.POSTGRESQL);
        }
        if (lower.startsWith("jdbc:h2:") && lower.length() > "jdbc:h2:".length()) {
            return new StoreLocation(trimmed, Kind.H2);
        }
        throw new HistoryException("--db " + trimmed + " is not a database URL nmaudit can use; give"
                + " jdbc:postgresql://HOST[:PORT]/DATABASE for PostgreSQL or jdbc:h2:file:PATH for an embedded"
                + " database file (without --db: " + DEFAULT_FOLDER + "/" + DEFAULT_NAME + " under the working"
                + " folder)");
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Kind kind() {
        return kind;
    }

    /** The URL as messages show it (it holds no password: {@link #parse} refuses those). */
    @Override
    public String toString() {
        return jdbcUrl;
    }
}
