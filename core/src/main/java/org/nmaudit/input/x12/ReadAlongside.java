package org.nmaudit.input.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.nmaudit.input.InputException;

/**
 * Runs the reading of a file on a thread of its own while the calling thread does, in the order they were
 * handed over, the tasks the reading gives it: the last pass over a large 837 is two jobs of about equal
 * size, scanning the claims and mapping and validating their lines, and this machine has two cores (the CSV
 * reader parses alongside its validation the same way). Everything the tasks touch stays on the calling
 * thread, so the mapping, validation and warnings happen as if the file were read in one thread; the
 * handover holds a bounded number of tasks, so memory does not grow with the file.
 */
final class ReadAlongside<R> {
    /** The reading: hands each piece of work for the calling thread to {@code caller}, returns its result. */
    @FunctionalInterface
    interface Job<R> {
        R run(Consumer<Runnable> caller) throws InputException;
    }

    private static final int BATCH = 256;
    private static final int BATCHES_WAITING = 16;
    /** The reading thread's last batch: it has ended, with {@link #result} or {@link #failure}. */
    private static final List<Runnable> END = new ArrayList<>();

    private final BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(BATCHES_WAITING);
    private List<Runnable> batch = new ArrayList<>(BATCH);
    /** Written by the reading thread before it hands over {@link #END}, read by the caller after. */
    private R result;
    private Throwable failure;

    private ReadAlongside() {
    }

    /**
     * Runs {@code job}, its tasks on the calling thread.
     *
     * @param background on a thread of its own (worth it for a large file); else all on the calling thread
     * @return the job's result, once every task it handed over has run
     * @throws InputException the job's, after the tasks it handed over before it failed
     */
    static <R> R run(Job<R> job, boolean background, String threadName) throws InputException {
        if (!background) {
            return job.run(Runnable::run);
        }
        return new ReadAlongside<R>().alongside(job, threadName);
    }

    private R alongside(Job<R> job, String threadName) throws InputException {
        Thread reading = new Thread(() -> read(job), threadName);
        reading.setDaemon(true);
        reading.start();
        boolean ended = false;
        try {
            for (List<Runnable> tasks = queue.take(); tasks != END; tasks = queue.take()) {
                tasks.forEach(Runnable::run);
            }
            ended = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while reading the X12 files", e);
        } finally {
            if (!ended) {
                stop(reading); // a task failed: nobody takes the rest
            }
        }
        return resultOrFailure();
    }

    /** On the reading thread. */
    private void read(Job<R> job) {
        try {
            result = job.run(this::handOver);
        } catch (Stopped e) {
            return;
        } catch (Throwable e) {
            failure = e;
        }
        try {
            queue.put(batch);
            queue.put(END);
        } catch (InterruptedException e) {
            // stopped meanwhile: nobody waits
        }
    }

    private void handOver(Runnable task) {
        batch.add(task);
        if (batch.size() == BATCH) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                throw new Stopped();
            }
            batch = new ArrayList<>(BATCH);
        }
    }

    private void stop(Thread reading) {
        reading.interrupt();
        queue.clear();
        try {
            reading.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private R resultOrFailure() throws InputException {
        Throwable e = failure;
        if (e == null) {
            return result;
        }
        if (e instanceof InputException input) {
            throw input;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    /** Unwinds the reading thread when the caller has stopped taking its tasks. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
