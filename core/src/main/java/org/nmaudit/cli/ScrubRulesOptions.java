package org.nmaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.scrub.ScrubRules;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say what a scrub judges with, shared by {@code nmaudit scrub} and {@code nmaudit serve} so
 * that both read the same folders the same way: the rules folder and its selection, parameter overrides and the
 * reference folder.
 */
final class ScrubRulesOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (default: rules/ in the working directory if there is one, else the"
                    + " installation's).")
    Path rulesFolder;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Reference folder (default: data/reference/ in the working directory if there is one,"
                    + " else the installation's).")
    Path referenceFolder;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Overrides one parameter of parameters.properties for this scrub; repeatable.")
    List<String> parameterOverrides = new ArrayList<>();

    @Option(names = "--only", paramLabel = "ID[,ID...]", split = ",",
            description = "Runs only these finding rules; repeatable.")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID[,ID...]", split = ",",
            description = "Does not run these finding rules; repeatable.")
    List<String> disabledRules = new ArrayList<>();

    @Mixin
    UnsafeRulesOption unsafeRules;

    /** The rules as the options choose them, the folder defaulted as every command defaults it. */
    ScrubRules rules() {
        return new ScrubRules(DefaultFolders.rules(rulesFolder), parameterOverrides,
                RuleSelection.of(onlyRules, disabledRules), unsafeRules.allowed);
    }

    /** The reference folder, defaulted as every command defaults it. */
    Path reference() {
        return DefaultFolders.reference(referenceFolder);
    }
}
