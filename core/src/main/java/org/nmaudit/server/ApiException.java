package org.nmaudit.server;

import java.util.List;

/**
 * A request the server answers with an error status and a JSON body saying why (every route's errors have that
 * one shape: {@code {"status", "error", "problems"}}). Thrown by the endpoints, written by {@link ErrorResponses}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<RequestProblem> problems;

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    ApiException(int status, String message, List<RequestProblem> problems) {
        super(message, null, false, false); // an expected answer, not a fault: no stack trace to fill
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    int status() {
        return status;
    }

    List<RequestProblem> problems() {
        return problems;
    }
}
