package org.nmaudit.server;

import java.util.concurrent.Semaphore;

/**
 * How many scrubs the server judges at once: one per core, the others waiting their turn in the order they came.
 * A scrub is all CPU (rules, the store read through an embedded database, JSON), so more at once than there are
 * cores only share the cores out: eight requests on two cores each took four times as long, and the operating
 * system's scheduler, switching among them, made the slowest of them slower still. In alternating runs of
 * bench/scrub-load.sh's client at concurrency 8 against servers with and without this, p99 was 17.5 to 18.4 ms
 * against 30.2 to 37.3 ms, and the server answered 1,616 to 2,019 claims/s against 894 to 1,119 (README, "How
 * fast"). The same on a PostgreSQL store on the same machine: 14.0 and 21.1 ms against 37.5 and 42.8 ms, 1,409
 * to 1,548 claims/s against 869 to 879. Not measured: a database on another machine, where a scrub also waits
 * for the network and one turn per core may leave a core idle. Requests wait here after their body is read, so
 * a slow sender holds no turn.
 */
final class ScrubAdmission {
    /** A turn held until closed. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore turns;

    /** @param atOnce scrubs judged at once (at least 1) */
    ScrubAdmission(int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one scrub at a time, not " + atOnce);
        }
        this.turns = new Semaphore(atOnce, true);
    }

    /** One turn per core of this machine. */
    static ScrubAdmission perCore() {
        return new ScrubAdmission(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Waits for a free turn, in the order the requests came, however the waiting thread is interrupted (a turn
     * is always given back, so the wait ends); close the turn to give it back.
     */
    Turn awaitTurn() {
        turns.acquireUninterruptibly();
        return new Turn() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    turns.release();
                }
            }
        };
    }
}
