package org.nmaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;

/**
 * The rules folder as the job ships it to its executors: the text of every DRL file and of the
 * parameters file, read once on the driver, and the --only/--disable selection. Each executor JVM
 * compiles it once, on the first task that needs it, and every later task of the job (and of any other
 * job with the same rules) shares that rule base: compiling takes seconds, a task's patients far less.
 */
final class JobRules implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The rule engines this JVM compiled, by {@link #key()}. */
    private static final ConcurrentMap<String, RuleEngine> COMPILED = new ConcurrentHashMap<>();

    /** One file of the folder. */
    record ShippedFile(String name, String displayPath, String text, String sha256) implements Serializable {
        private static final long serialVersionUID = 1L;

        static ShippedFile of(RuleFile f) {
            return new ShippedFile(f.name(), f.displayPath(), f.text(), f.sha256());
        }

        RuleFile ruleFile() {
            return new RuleFile(name, displayPath, text, sha256);
        }
    }

    private final String displayPath;
    private final List<ShippedFile> drlFiles;
    private final ShippedFile parametersFile;
    private final List<String> only;
    private final List<String> disabled;

    private JobRules(String displayPath, List<ShippedFile> drlFiles, ShippedFile parametersFile, List<String> only,
            List<String> disabled) {
        this.displayPath = displayPath;
        this.drlFiles = drlFiles;
        this.parametersFile = parametersFile;
        this.only = only;
        this.disabled = disabled;
    }

    static JobRules of(RuleFolder folder, RuleSelection selection) {
        List<ShippedFile> files = new ArrayList<>();
        folder.drlFiles().forEach(f -> files.add(ShippedFile.of(f)));
        return new JobRules(folder.displayPath(), files, ShippedFile.of(folder.parametersFile()),
                new ArrayList<>(selection.only()), new ArrayList<>(selection.disabled()));
    }

    /** The folder rebuilt from the shipped text; no executor needs the driver's file system. */
    RuleFolder folder() {
        List<RuleFile> files = new ArrayList<>();
        drlFiles.forEach(f -> files.add(f.ruleFile()));
        return new RuleFolder(null, displayPath, List.copyOf(files), parametersFile.ruleFile());
    }

    RuleSelection selection() {
        return RuleSelection.of(only, disabled);
    }

    /** The rule files' content and the selection: equal keys compile to equal rule bases. */
    String key() {
        return folder().contentKey() + "|only=" + selection().only() + "|disabled=" + selection().disabled();
    }

    /**
     * The engine of these rules in this JVM, compiled on first use. The driver registers the rule base it
     * compiled (and checked) itself, so a local-mode job compiles once.
     */
    RuleEngine engine() {
        return COMPILED.computeIfAbsent(key(), k -> {
            try {
                return new RuleEngine(RuleCompiler.compile(folder(), selection()));
            } catch (RuleSetupException e) {
                // The driver compiled the same text before the job started, so this is not the rules' fault.
                throw new IllegalStateException("the rules that compiled on the driver do not compile on this"
                        + " executor: " + PatientPass.problems(e));
            }
        });
    }

    /** The engine this JVM already compiled for these rules (an earlier job of the same driver), or null. */
    RuleEngine compiled() {
        return COMPILED.get(key());
    }

    /** Registers the driver's compiled rule base for these rules. */
    RuleEngine register(RuleBase compiled) {
        return COMPILED.computeIfAbsent(key(), k -> new RuleEngine(compiled));
    }
}
