package org.nmaudit.report;

import java.io.IOException;

/**
 * One report file written on a thread of its own while the caller writes the others. {@link #await()} waits
 * for it and throws what it failed with, as if it had been written on the caller's thread.
 */
final class BackgroundWrite {
    /** Writing one file. */
    @FunctionalInterface
    interface FileWriting {
        void write() throws IOException;
    }

    private final Thread thread;
    private volatile Throwable failure;

    private BackgroundWrite(String name, FileWriting writing) {
        this.thread = new Thread(() -> {
            try {
                writing.write();
            } catch (Throwable e) {
                failure = e;
            }
        }, name);
        thread.setDaemon(true);
    }

    static BackgroundWrite start(String name, FileWriting writing) {
        BackgroundWrite w = new BackgroundWrite(name, writing);
        w.thread.start();
        return w;
    }

    /** Waits until the file is written; its failure, if any, is thrown here. */
    void await() throws IOException {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the file must be finished (or failed) before its folder goes
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure;
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }
}
