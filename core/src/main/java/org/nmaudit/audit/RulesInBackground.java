package org.nmaudit.audit;

import java.util.concurrent.CompletableFuture;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.engine.TaskResult;

/**
 * The rules of a run, compiled on a thread of their own: compiling takes a second or two, which the run
 * spends reading its data instead of waiting.
 */
public final class RulesInBackground {
    private final CompletableFuture<RuleBase> compiled = new CompletableFuture<>();

    private RulesInBackground() {
    }

    /** Starts compiling the folder for the selection (--only, --disable); unknown ids are a problem too. */
    public static RulesInBackground compile(RuleFolder folder, RuleSelection selection) {
        RulesInBackground job = new RulesInBackground();
        Thread t = new Thread(() -> {
            try {
                RuleBase all = RuleCompiler.compile(folder);
                selection.check(all);
                job.compiled.complete(RuleCompiler.compile(folder, selection));
            } catch (Throwable e) {
                job.compiled.completeExceptionally(e);
            }
        }, "nmaudit-compile-rules");
        t.setDaemon(true);
        t.start();
        return job;
    }

    /** Waits for the compiled rules. */
    public RuleBase rules() throws RuleSetupException {
        return TaskResult.await(compiled, "the rules compiled");
    }
}
