package org.nmaudit.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.scrub.ScrubRules;
import org.nmaudit.scrub.Scrubber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules the server judges with, compiled once, and replaced when the rules folder changes: the folder's
 * files are fingerprinted (SHA-256) every poll interval; a changed folder is compiled on the polling thread while
 * requests go on with the running rules, and switched to only if it compiles. A broken edit keeps the running
 * rules; its located problems (file:line:column) go to the log and to {@code /v1/health} until the folder
 * compiles again or is put back as it was.
 *
 * <p>Each request takes {@link #current()} once, so it is judged by one set of rules from start to end.
 */
final class LiveRules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    /**
     * The rules in use.
     *
     * @param sha256 the fingerprint of the folder's files ({@link ScrubRules.Loaded#sha256()})
     */
    record Current(ScrubRules.Loaded loaded, RuleBase rules, Scrubber scrubber, String sha256, Instant since) {
    }

    /**
     * The last change of the folder that could not be switched to.
     *
     * @param sha256 the fingerprint of the files that failed, or null when the folder could not be read at all
     * @param problems each located as the command line shows it (file:line:column: message)
     */
    record ReloadError(String sha256, Instant at, List<String> problems) {
    }

    private final ScrubRules choice;
    private final ReferenceData reference;
    private final Consumer<String> console;
    private final AtomicReference<Current> current = new AtomicReference<>();
    private volatile ReloadError lastError;
    private ScheduledExecutorService poller;

    private LiveRules(ScrubRules choice, ReferenceData reference, Consumer<String> console) {
        this.choice = choice;
        this.reference = reference;
        this.console = console;
    }

    /**
     * Compiles the rules (waiting for it) and, with a positive interval, starts watching the folder.
     *
     * @param console told of each switch to new rules
     * @throws RuleSetupException the rules do not compile, or a parameter value means nothing
     */
    static LiveRules start(ScrubRules choice, ReferenceData reference, Duration pollEvery, Consumer<String> console)
            throws RuleSetupException {
        LiveRules live = new LiveRules(choice, reference, console);
        ScrubRules.Loaded loaded = choice.load();
        if (loaded.parameterProblem() != null) {
            throw new RuleSetupException(new RuleProblem(null, 0, 0, loaded.parameterProblem(), null));
        }
        live.current.set(live.compiled(loaded));
        if (!pollEvery.isZero()) {
            live.poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nmaudit-rules-watch");
                t.setDaemon(true);
                return t;
            });
            live.poller.scheduleWithFixedDelay(live::pollQuietly, pollEvery.toMillis(), pollEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return live;
    }

    Current current() {
        return current.get();
    }

    Optional<ReloadError> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Looks at the folder once and switches if it changed and compiles (the poller calls it; a test may too,
     * instead of waiting for the poller).
     *
     * @return whether new rules are in use
     */
    synchronized boolean checkNow() {
        ScrubRules.Loaded loaded;
        try {
            loaded = choice.load();
        } catch (RuleSetupException e) {
            failed(null, e.problems());
            return false;
        }
        String sha = loaded.sha256();
        Current running = current.get();
        if (sha.equals(running.sha256())) {
            lastError = null; // the folder is back to the files that are running
            return false;
        }
        ReloadError error = lastError;
        if (error != null && sha.equals(error.sha256())) {
            return false; // the same broken files: already reported
        }
        if (loaded.parameterProblem() != null) {
            failed(sha, List.of(new RuleProblem(null, 0, 0, loaded.parameterProblem(), null)));
            return false;
        }
        Current next;
        try {
            next = compiled(loaded);
        } catch (RuleSetupException e) {
            failed(sha, e.problems());
            return false;
        }
        current.set(next);
        lastError = null;
        console.accept("nmaudit serve: rules reloaded: " + next.rules().findingRuleIds() + " finding rules, SHA-256 "
                + next.sha256());
        return true;
    }

    private void pollQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // A bug must not stop the watching: the next poll tries again.
            LOG.error("watching the rules folder failed", e);
        }
    }

    private Current compiled(ScrubRules.Loaded loaded) throws RuleSetupException {
        RuleBase rules = loaded.compile().rules();
        Scrubber scrubber = new Scrubber(RuleEngine.pooled(rules), loaded.parameters(), reference);
        return new Current(loaded, rules, scrubber, loaded.sha256(), Instant.now());
    }

    private void failed(String sha, List<RuleProblem> problems) {
        List<String> located = problems.stream().map(RuleProblem::toString).toList();
        ReloadError previous = lastError;
        lastError = new ReloadError(sha, Instant.now(), located);
        if (previous != null && previous.problems().equals(located)) {
            return; // an unreadable folder fails every poll the same way: said once
        }
        LOG.warn("the rules folder {} changed but cannot be used; still judging with the rules of SHA-256 {}:\n  {}",
                choice.folder(), current.get().sha256(), String.join("\n  ", located));
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
