package org.nmaudit.scrub;

import java.nio.file.Path;
import java.util.List;
import org.nmaudit.audit.RatioLookback;
import org.nmaudit.audit.RulesInBackground;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.input.Sha256;

/**
 * Which rules a scrub judges with: the rules folder, the parameter overrides (--param), the selection (--only,
 * --disable) and whether unsafe rule code is allowed. {@code nmaudit scrub} loads and compiles them once per
 * run; {@code nmaudit serve} once at start and again whenever the folder's files change, the same way.
 */
public record ScrubRules(Path folder, List<String> parameterOverrides, RuleSelection selection,
        boolean unsafeCodeAllowed) {

    public ScrubRules {
        parameterOverrides = List.copyOf(parameterOverrides);
    }

    /**
     * The folder's files as they are now, with their parameters and the overrides applied.
     *
     * @throws RuleSetupException the folder cannot be read, or the parameters file or an override is wrong
     */
    public Loaded load() throws RuleSetupException {
        RuleFolder loaded = RuleFolder.load(folder).withUnsafeCodeAllowed(unsafeCodeAllowed);
        ParameterSet parameters = loaded.parameters().withOverrides(parameterOverrides);
        return new Loaded(loaded, parameters, selection, RatioLookback.problem(parameters));
    }

    /**
     * A loaded rules folder, not yet compiled.
     *
     * @param parameterProblem a parameter value that means nothing (a negative ratio_lookback_days), or null: a
     *     usage error, though the files compile
     */
    public record Loaded(RuleFolder folder, ParameterSet parameters, RuleSelection selection, String parameterProblem) {

        /** Starts compiling on a thread of its own (a second or two); unknown --only/--disable ids are a problem. */
        public RulesInBackground compile() {
            return RulesInBackground.compile(folder, selection);
        }

        /**
         * One SHA-256 for every file of the folder that the rules are made of (each .drl file and the parameters
         * file, by name and content): equal fingerprints, equal rules. What a client compares to know which
         * rules judged its claims.
         */
        public String sha256() {
            return fingerprint(folder);
        }
    }

    /** See {@link Loaded#sha256()}. */
    public static String fingerprint(RuleFolder folder) {
        StringBuilder files = new StringBuilder();
        for (RuleFile f : folder.drlFiles()) {
            files.append(f.name()).append('=').append(f.sha256()).append('\n');
        }
        RuleFile parameters = folder.parametersFile();
        files.append(parameters.name()).append('=').append(parameters.sha256()).append('\n');
        return Sha256.hex(files.toString());
    }
}
