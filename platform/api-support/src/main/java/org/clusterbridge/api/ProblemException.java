package org.clusterbridge.api;

import java.util.List;

import org.clusterbridge.api.Problem.FieldError;

/**
 * Ends a request with a problem of the HTTP layer itself (a missing or unreadable {@code If-Match}, a body that
 * is not JSON); nothing the request tried to change is kept. Rules of the domain and of request fields raise
 * {@link org.clusterbridge.rules.DomainException} instead.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.problem = new Problem(Problem.TYPE_BASE + type, title, status, detail, null,
                errors == null ? List.of() : List.copyOf(errors));
    }

    public int status() {
        return problem.status();
    }

    public Problem toProblem(String instance) {
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), instance,
                problem.errors());
    }
}
