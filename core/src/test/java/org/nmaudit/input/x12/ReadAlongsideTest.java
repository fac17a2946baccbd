package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.input.InputException;

/** The tasks of a reading run on the calling thread in the order handed over, before its result or failure. */
class ReadAlongsideTest {
    private static final int TASKS = 10_000;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyTaskRunsInOrderOnTheCallingThreadBeforeTheResult(boolean background) throws InputException {
        Thread caller = Thread.currentThread();
        List<Integer> ran = new ArrayList<>();
        AtomicBoolean elsewhere = new AtomicBoolean();
        String result = ReadAlongside.run(tasks -> {
            for (int i = 0; i < TASKS; i++) {
                int n = i;
                tasks.accept(() -> {
                    elsewhere.compareAndSet(false, Thread.currentThread() != caller);
                    ran.add(n);
                });
            }
            return "read";
        }, background, "test-read");
        assertEquals("read", result);
        assertEquals(TASKS, ran.size());
        for (int i = 0; i < TASKS; i++) {
            assertEquals(i, ran.get(i));
        }
        assertFalse(elsewhere.get());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailureOfTheReadingComesAfterTheTasksBeforeIt(boolean background) {
        List<Integer> ran = new ArrayList<>();
        InputException e = assertThrows(InputException.class, () -> ReadAlongside.run(tasks -> {
            for (int i = 0; i < 300; i++) {
                int n = i;
                tasks.accept(() -> ran.add(n));
            }
            throw new InputException("broken off");
        }, background, "test-read"));
        assertEquals("broken off", e.getMessage());
        assertEquals(300, ran.size());
    }

    @Test
    void aFailingTaskStopsTheReadingThread() throws InterruptedException {
        AtomicReference<Thread> reading = new AtomicReference<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadAlongside.run(tasks -> {
            reading.set(Thread.currentThread());
            for (int i = 0; ; i++) { // would hand over tasks for ever
                int n = i;
                tasks.accept(() -> {
                    if (n == 1_000) {
                        throw new IllegalStateException("task failed");
                    }
                });
            }
        }, true, "test-read"));
        assertEquals("task failed", e.getMessage());
        reading.get().join(10_000);
        assertFalse(reading.get().isAlive());
    }
}
