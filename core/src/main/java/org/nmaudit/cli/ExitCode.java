package org.nmaudit.cli;

/** The process exit codes every command uses (findings-format.md, "Exit codes"). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int FINDINGS_AT_OR_ABOVE_FAIL_ON = 4;
    public static final int ROWS_REJECTED = 5;
    /** {@code rules test}: a test case of the rules failed. */
    public static final int RULE_CASE_FAILED = 4;

    private static final String USAGE_OR_INPUT = "usage error, unreadable input, missing required column, rule compile"
            + " error, --strict with rejects, or out of memory";

    /** Shown under audit's --help, in this order. */
    static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("0", "completed; no finding at or above --fail-on");
        m.put("1", "internal error (a bug): message plus the log file path");
        m.put("2", USAGE_OR_INPUT);
        m.put("4", "completed, with findings at or above --fail-on");
        m.put("5", "completed, some input rows rejected (takes precedence over 4)");
        return m;
    }

    /**
     * The exit codes a command lists under its --help: the root command lists every command's, explain,
     * diff, generate and the rules commands have their own, audit the default list.
     */
    static java.util.Map<String, String> helpList(String qualifiedCommandName) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        String internal = "internal error (a bug): message plus the log file path";
        switch (qualifiedCommandName) {
            case "nmaudit" -> {
                m.put("0", "completed; audit: no finding at or above --fail-on");
                m.put("1", internal);
                m.put("2", USAGE_OR_INPUT);
                m.put("4", "audit: findings at or above --fail-on; scrub: a claim held; rules test: a test case"
                        + " failed");
                m.put("5", "audit, scrub, history import: input rows rejected (4 gives way to it)");
            }
            case "nmaudit generate" -> {
                m.put("0", "the data set is written");
                m.put("1", internal);
                m.put("2", "an option out of range, data files already in --out (without --force), the folder"
                        + " cannot be written, or a usage error");
            }
            case "nmaudit rules check" -> {
                m.put("0", "the rules and parameters compile (warnings, if any, are printed)");
                m.put("1", internal);
                m.put("2", "errors in the rules or the parameters file (each printed file:line:col),"
                        + " or a usage error");
            }
            case "nmaudit rules list" -> {
                m.put("0", "listed");
                m.put("1", internal);
                m.put("2", "the rules do not compile (run rules check), or a usage error");
            }
            case "nmaudit rules test" -> {
                m.put("0", "every case passed (todo rows and rules no case covers are warnings)");
                m.put("1", internal);
                m.put("2", "the rules do not compile, a case folder is malformed, or a usage error");
                m.put("4", "a case failed: a finding missing or unexpected, or rejected input rows");
            }
            case "nmaudit rules" -> {
                m.put("0", "help or version shown");
                m.put("2", "no subcommand given (check, list or test), or a usage error");
            }
            case "nmaudit history" -> {
                m.put("0", "help or version shown");
                m.put("2", "no subcommand given (import or export), or a usage error");
            }
            case "nmaudit history import" -> {
                m.put("0", "stored; no input row rejected");
                m.put("1", internal);
                m.put("2", "usage error, unreadable data folder or missing required column, database unreachable or"
                        + " refusing the credentials, or a row the store cannot hold: nothing was stored");
                m.put("5", "stored, some input rows rejected and not stored (see rejects.csv)");
            }
            case "nmaudit history export" -> {
                m.put("0", "written");
                m.put("1", internal);
                m.put("2", "usage error, database unreachable or refusing the credentials, or the folder cannot be"
                        + " written");
            }
            case "nmaudit scrub" -> {
                m.put("0", "no claim held and no batch row rejected");
                m.put("1", internal);
                m.put("2", "usage error, unreadable batch or reference data, rule compile error, or the history"
                        + " database cannot be reached");
                m.put("4", "a claim is held (a finding at or above --fail-on)");
                m.put("5", "a batch row (a claim line or a documentation row) was rejected; takes precedence over 4");
            }
            case "nmaudit serve" -> {
                m.put("0", "help or version shown (the server itself runs until stopped with Ctrl-C)");
                m.put("1", internal);
                m.put("2", "usage error, --bind beyond the loopback address without --token-file, an unreadable or"
                        + " unusable token file, rule compile error, unreadable reference data, the history database"
                        + " cannot be reached, or the port is in use");
            }
            case "nmaudit explain" -> {
                m.put("0", "the finding is explained");
                m.put("1", internal);
                m.put("2", "no finding has that id (or the prefix starts several), the report folder cannot be read,"
                        + " or a usage error");
            }
            case "nmaudit diff" -> {
                m.put("0", "compared (also when it warns that the runs read different data)");
                m.put("1", internal);
                m.put("2", "a report folder cannot be read, diff.csv cannot be written, or a usage error");
            }
            case "nmaudit x12 to-csv" -> {
                m.put("0", "converted; every line loaded");
                m.put("1", internal);
                m.put("2", "a file cannot be read as X12, holds another transaction set or version than 837P"
                        + " (005010X222A1/A2), 837I (005010X223A2/A3) or 835 (005010X221A1), or a usage error");
                m.put("5", "converted, and some lines were rejected (see rejects.csv), even when none loaded");
            }
            case "nmaudit x12" -> {
                m.put("0", "help or version shown");
                m.put("2", "no subcommand given (to-csv), or a usage error");
            }
            default -> {
                return helpList();
            }
        }
        return m;
    }

    private ExitCode() {
    }
}
