package org.nmaudit.history;

import java.util.Map;

/**
 * The database user and password. They come from the environment, never from the command line (other users
 * of the machine can read a command line, and shells keep it in their history), and the password is never
 * printed or logged.
 *
 * @param user null: the driver's default (PostgreSQL: the operating system user; H2: sa)
 * @param password null: none
 */
public record Credentials(String user, String password) {
    public static final String USER_VARIABLE = "NMAUDIT_DB_USER";
    public static final String PASSWORD_VARIABLE = "NMAUDIT_DB_PASSWORD";

    public static final Credentials NONE = new Credentials(null, null);

    /** NMAUDIT_DB_USER and NMAUDIT_DB_PASSWORD of this process. */
    public static Credentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static Credentials fromEnvironment(Map<String, String> environment) {
        return new Credentials(blankToNull(environment.get(USER_VARIABLE)),
                blankToNull(environment.get(PASSWORD_VARIABLE)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Never the password itself. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "(set)") + "]";
    }
}
