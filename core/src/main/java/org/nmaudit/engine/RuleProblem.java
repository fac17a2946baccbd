package org.nmaudit.engine;

/**
 * One located problem in the rules folder, printed as {@code rules/file.drl:LINE:COL: message (rule "name")}.
 *
 * @param file the file as the rules folder names it; null for a problem that is not in a file (--param)
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 * @param ruleName the rule the problem sits in, or null
 */
public record RuleProblem(String file, int line, int column, String message, String ruleName) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        sb.append(message);
        if (ruleName != null) {
            sb.append(" (rule \"").append(ruleName).append("\")");
        }
        return sb.toString();
    }
}
