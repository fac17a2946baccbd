package org.nmaudit.findings;

/**
 * What the rules folder says about one DRL rule: its metadata and where it is written.
 *
 * @param id the {@code @id} metadata, or null when the rule has none (a derivation rule)
 * @param severity the {@code @severity} metadata, or null
 * @param citation the {@code @citation} metadata, or null
 * @param file the DRL file as the rules folder names it, e.g. rules/trials.drl
 */
public record RuleInfo(String packageName, String name, String id, Severity severity, String citation, String file) {

    public String qualifiedName() {
        return packageName + "." + name;
    }
}
