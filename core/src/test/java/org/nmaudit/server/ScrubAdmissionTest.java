package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** At most so many scrubs at once, the waiting ones served in the order they came. */
class ScrubAdmissionTest {

    @Test
    void aRequestWaitsWhileEveryTurnIsTakenAndGetsTheFirstTurnGivenBack() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(2);
        ScrubAdmission.Turn first = admission.awaitTurn();
        ScrubAdmission.Turn second = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread third = parkedWaiter(admission, "third", served);
        assertEquals(List.of(), served);

        first.close();
        assertServed(List.of("third"), served, third);
        second.close();
    }

    @Test
    void waitingRequestsAreServedInTheOrderTheyCame() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(1);
        ScrubAdmission.Turn held = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread a = parkedWaiter(admission, "a", served);
        Thread b = parkedWaiter(admission, "b", served);
        Thread c = parkedWaiter(admission, "c", served);

        held.close();
        assertServed(List.of("a", "b", "c"), served, a, b, c);
    }

    @Test
    void aTurnClosedTwiceIsGivenBackOnce() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(1);
        ScrubAdmission.Turn turn = admission.awaitTurn();
        turn.close();
        turn.close();
        ScrubAdmission.Turn next = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread other = parkedWaiter(admission, "other", served);
        assertEquals(List.of(), served, "a second close must not have freed a second turn");
        next.close();
        assertServed(List.of("other"), served, other);
    }

    @Test
    void anInterruptedWaiterStillWaitsForItsTurn() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(1);
        ScrubAdmission.Turn held = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread waiting = parkedWaiter(admission, "interrupted", served);
        waiting.interrupt(); // an interruptible wait would end here with an exception, and never be served
        assertEquals(List.of(), served);
        held.close();
        assertServed(List.of("interrupted"), served, waiting);
    }

    @Test
    void aServerJudgesOneScrubPerCoreAtOnce() throws Exception {
        ScrubAdmission admission = ScrubAdmission.perCore();
        List<ScrubAdmission.Turn> turns = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            turns.add(admission.awaitTurn()); // none of these waits
        }
        List<String> served = new CopyOnWriteArrayList<>();
        Thread oneMore = parkedWaiter(admission, "one more", served);
        assertEquals(List.of(), served);
        turns.forEach(ScrubAdmission.Turn::close);
        assertServed(List.of("one more"), served, oneMore);
    }

    @Test
    void atLeastOneTurn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScrubAdmission(0));
        assertEquals("at least one scrub at a time, not 0", e.getMessage());
    }

    /** Waits for the waiters to finish, then checks who was served, in order. */
    private static void assertServed(List<String> expected, List<String> served, Thread... waiters)
            throws InterruptedException {
        for (Thread t : waiters) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertEquals(expected, served);
    }

    /** A thread that takes a turn, notes its name, and gives the turn back; returned once it waits for the turn. */
    private static Thread parkedWaiter(ScrubAdmission admission, String name, List<String> served)
            throws InterruptedException {
        Thread t = new Thread(() -> {
            try (ScrubAdmission.Turn turn = admission.awaitTurn()) {
                served.add(name);
            }
        }, "waiter-" + name);
        t.setDaemon(true);
        t.start();
        awaitParked(t);
        return t;
    }

    /** Waits until the thread is parked waiting for a turn. */
    private static void awaitParked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(t.getName() + " never waited for a turn: " + t.getState());
            }
            Thread.sleep(5);
        }
    }
}
