package org.nmaudit.report.monthly;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import org.nmaudit.input.Sha256;

/**
 * One SHA-256 for a whole rules folder, from the SHA-256 of each of its files as run.json records them
 * (every *.drl and parameters.properties): the SHA-256 of the lines {@code <file sha256>  <file name>\n},
 * sorted by file name, which is what {@code sha256sum} prints. So anyone can check it from the folder:
 * {@code cd rules && sha256sum *.drl parameters.properties | LC_ALL=C sort -k2 | sha256sum}.
 * File names are taken without the folder, so the same rules give the same hash wherever they lie.
 */
public final class RulesFolderHash {
    private RulesFolderHash() {
    }

    /** @param ruleFiles display path (rules/trials.drl) to SHA-256, as RunRecord.ruleFiles holds them */
    public static String of(Map<String, String> ruleFiles) {
        Map<String, String> byName = new TreeMap<>();
        ruleFiles.forEach((path, sha) -> byName.put(path.substring(path.lastIndexOf('/') + 1), sha));
        MessageDigest digest = Sha256.newDigest();
        byName.forEach((name, sha) -> digest.update((sha + "  " + name + "\n").getBytes(StandardCharsets.UTF_8)));
        return Sha256.hex(digest);
    }
}
