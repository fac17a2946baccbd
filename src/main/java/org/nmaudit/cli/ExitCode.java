package org.nmaudit.cli;

/** The process exit codes every command uses (findings-format.md, "Exit codes"). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int FINDINGS_AT_OR_ABOVE_FAIL_ON = 4;
    public static final int ROWS_REJECTED = 5;

    /** Shown under every command's --help, in this order. */
    static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("0", "completed; no finding at or above --fail-on");
        m.put("1", "internal error (a bug): message plus the log file path");
        m.put("2", "usage error, unreadable input, missing required column, rule compile error,"
                + " or --strict with rejects");
        m.put("4", "completed, with findings at or above --fail-on");
        m.put("5", "completed, some input rows rejected (takes precedence over 4)");
        return m;
    }

    private ExitCode() {
    }
}
