package org.nmaudit.cli;

import picocli.CommandLine.Option;

/** {@code --allow-unsafe-rules}, for every command that compiles a rules folder (RuleSafety says what it lifts). */
final class UnsafeRulesOption {
    @Option(names = "--allow-unsafe-rules",
            description = "Compiles and runs rules even when their code can run programs, read or write files, open"
                    + " network connections, use reflection, load classes, start threads or stop the JVM; without"
                    + " it such rules are refused (exit 2, each place located). Only for rules you trust.")
    boolean allowed;
}
