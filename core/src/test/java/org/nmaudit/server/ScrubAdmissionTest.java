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
        Thread third = waiter(admission, "third", served);
        awaitParked(third);
        assertEquals(List.of(), served);

        first.close();
        third.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of("third"), served);
        second.close();
    }

    @Test
    void waitingRequestsAreServedInTheOrderTheyCame() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(1);
        ScrubAdmission.Turn held = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread a = waiter(admission, "a", served);
        awaitParked(a);
        Thread b = waiter(admission, "b", served);
        awaitParked(b);
        Thread c = waiter(admission, "c", served);
        awaitParked(c);

        held.close();
        for (Thread t : List.of(a, b, c)) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertEquals(List.of("a", "b", "c"), served);
    }

    @Test
    void aTurnClosedTwiceIsGivenBackOnce() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(1);
        ScrubAdmission.Turn turn = admission.awaitTurn();
        turn.close();
        turn.close();
        ScrubAdmission.Turn next = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread other = waiter(admission, "other", served);
        awaitParked(other);
        assertEquals(List.of(), served, "a second close must not have freed a second turn");
        next.close();
        other.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of("other"), served);
    }

    @Test
    void anInterruptedWaiterStillWaitsForItsTurn() throws Exception {
        ScrubAdmission admission = new ScrubAdmission(1);
        ScrubAdmission.Turn held = admission.awaitTurn();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread waiting = waiter(admission, "interrupted", served);
        awaitParked(waiting);
        waiting.interrupt(); // an interruptible wait would end here with an exception, and never be served
        assertEquals(List.of(), served);
        held.close();
        waiting.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of("interrupted"), served);
    }

    @Test
    void aServerJudgesOneScrubPerCoreAtOnce() throws Exception {
        ScrubAdmission admission = ScrubAdmission.perCore();
        List<ScrubAdmission.Turn> turns = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            turns.add(admission.awaitTurn()); // none of these waits
        }
        List<String> served = new CopyOnWriteArrayList<>();
        Thread oneMore = waiter(admission, "one more", served);
        awaitParked(oneMore);
        assertEquals(List.of(), served);
        turns.forEach(ScrubAdmission.Turn::close);
        oneMore.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of("one more"), served);
    }

    @Test
    void atLeastOneTurn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScrubAdmission(0));
        assertEquals("at least one scrub at a time, not 0", e.getMessage());
    }

    /** A thread that takes a turn, notes its name, and gives the turn back. */
    private static Thread waiter(ScrubAdmission admission, String name, List<String> served) {
        Thread t = new Thread(() -> {
            try (ScrubAdmission.Turn turn = admission.awaitTurn()) {
                served.add(name);
            }
        }, "waiter-" + name);
        t.setDaemon(true);
        t.start();
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
