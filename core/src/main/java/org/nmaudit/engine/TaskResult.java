package org.nmaudit.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The result of work done on another thread, with the failure it ended in thrown here as itself: a rule
 * problem stays a {@link RuleSetupException} (a message for the console), anything else unchecked as it was.
 */
public final class TaskResult {
    private TaskResult() {
    }

    /**
     * Waits for {@code task}.
     *
     * @param waitingFor what the wait is for, for the message of an interrupt ("the rules compiled")
     */
    public static <T> T await(Future<T> task, String waitingFor) throws RuleSetupException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + waitingFor, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuleSetupException rse) {
                throw rse;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
