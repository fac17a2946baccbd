package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Running out of memory is not a bug but a data set larger than the heap: exit code 2 and how to raise
 * the heap, also when the error reaches the command as the cause of another (from an engine thread).
 */
class OutOfMemoryTest {
    private static final String MESSAGE = String.format("nmaudit: out of memory (the JVM may use %,d MB); a patient with a"
            + " very long history, or the provider pass over a very large data set (it holds every carried fact),"
            + " needs a larger heap: rerun with NMAUDIT_JAVA_OPTS=-Xmx<size>,"
            + " e.g. NMAUDIT_JAVA_OPTS=-Xmx8g ./nmaudit ...%n", Runtime.getRuntime().maxMemory() >> 20);

    @Test
    void outOfMemoryExits2WithHowToRaiseTheHeap() {
        StringWriter err = new StringWriter();
        int code = InternalErrorHandler.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err),
                List.of("audit", "data"));
        assertEquals(2, code);
        assertEquals(MESSAGE, err.toString());
    }

    @Test
    void outOfMemoryInAWorkerThreadReachesTheCommandWrapped() {
        StringWriter err = new StringWriter();
        Throwable wrapped = new RuntimeException("rule base build failed",
                new CompletionException(new OutOfMemoryError("Java heap space")));
        assertEquals(2, InternalErrorHandler.report(wrapped, new PrintWriter(err), List.of("audit", "data")));
        assertEquals(MESSAGE, err.toString());
    }

    @Test
    void anyOtherErrorIsStillAnInternalError() throws java.io.IOException {
        StringWriter err = new StringWriter();
        assertEquals(1, InternalErrorHandler.report(new StackOverflowError(), new PrintWriter(err), List.of()));
        String prefix = "nmaudit: internal error (a bug, please report it): java.lang.StackOverflowError; details in ";
        assertEquals(prefix, err.toString().substring(0, prefix.length()));
        java.nio.file.Files.delete(java.nio.file.Path.of(err.toString().substring(prefix.length()).strip()));
    }
}
