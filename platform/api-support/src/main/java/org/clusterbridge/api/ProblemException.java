package org.clusterbridge.api;

import java.util.List;

import org.clusterbridge.api.Problem.FieldError;

/** Ends a request with a problem response; nothing the request tried to change is kept. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "invalid-request", "The request is invalid", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException conflict(String type, String detail, String field) {
        return new ProblemException(409, type, "Conflict", detail,
                field == null ? null : List.of(new FieldError(field, detail)));
    }

    /** The request is well formed but names something that cannot be used (missing, retired, ...). */
    public static ProblemException unprocessable(String type, String field, String message) {
        return new ProblemException(422, type, "The request cannot be applied", message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException unprocessable(String type, List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields cannot be applied";
        return new ProblemException(422, type, "The request cannot be applied", detail, errors);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance, errors);
    }
}
