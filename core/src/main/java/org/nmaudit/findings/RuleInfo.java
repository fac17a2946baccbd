package org.nmaudit.findings;

/**
 * What the rules folder says about one DRL rule: its metadata and where it is written.
 *
 * @param id the {@code @id} metadata, or null when the rule has none
 * @param severity the {@code @severity} metadata, or null (always null for a derivation rule)
 * @param citation the {@code @citation} metadata, or null
 * @param derives the {@code @derives} metadata of a derivation rule: the fact type it inserts; null for
 *     a finding rule
 * @param file the DRL file as the rules folder names it, e.g. rules/trials.drl
 * @param line the 1-based line where the rule is declared, 0 when unknown
 * @param pass the {@code @pass} metadata: the patient pass unless it says {@code @pass(provider)}
 */
public record RuleInfo(String packageName, String name, String id, Severity severity, String citation,
        String derives, String file, int line, Pass pass) {

    /** A rule of the patient pass. */
    public RuleInfo(String packageName, String name, String id, Severity severity, String citation, String derives,
            String file, int line) {
        this(packageName, name, id, severity, citation, derives, file, line, Pass.PATIENT);
    }

    /** A rule that raises findings: it has an @id and derives no fact. */
    public boolean isFindingRule() {
        return id != null && derives == null;
    }

    public boolean isProviderPass() {
        return pass == Pass.PROVIDER;
    }

    public String qualifiedName() {
        return packageName + "." + name;
    }
}
