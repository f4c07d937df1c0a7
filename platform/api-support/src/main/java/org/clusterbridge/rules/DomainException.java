package org.clusterbridge.rules;

import java.util.List;

/**
 * A domain rule refuses a request: it is invalid, names something that does not exist or cannot be used, or
 * conflicts with what is stored. It knows no HTTP; {@code org.clusterbridge.api.ProblemMappers} turns it into a
 * problem with the violations as {@code errors[]}. Nothing the request tried to change is kept.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the API layer chooses the status from it. */
    public enum Kind {
        /** The request breaks the rules of its fields. */
        INVALID,
        /** What the request names does not exist. */
        NOT_FOUND,
        /** The request conflicts with the stored state (a duplicate, a terminated agreement ...). */
        CONFLICT,
        /** The request is well formed but names something that cannot be used (missing, retired ...). */
        UNPROCESSABLE,
        /** The caller may not do this to this object. */
        NOT_PERMITTED,
        /** The change was made against a version of the object that is no longer the current one. */
        STALE_VERSION
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    private DomainException(Kind kind, String code, String title, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static DomainException invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new DomainException(Kind.INVALID, "invalid-request", null, detail, violations);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "not-found", null, what + " " + id + " does not exist", null);
    }

    public static DomainException conflict(String code, String detail, String field) {
        return new DomainException(Kind.CONFLICT, code, null, detail,
                field == null ? null : List.of(new Violation(field, detail)));
    }

    public static DomainException unprocessable(String code, String field, String message) {
        return new DomainException(Kind.UNPROCESSABLE, code, null, message, List.of(new Violation(field, message)));
    }

    public static DomainException unprocessable(String code, List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " fields cannot be applied";
        return new DomainException(Kind.UNPROCESSABLE, code, null, detail, violations);
    }

    /** The caller may not change this object; {@code title} names the rule, for example "Not your figure". */
    public static DomainException notPermitted(String code, String title, String detail) {
        return new DomainException(Kind.NOT_PERMITTED, code, title, detail, null);
    }

    /** The caller changed a version it read, but the object has moved on to {@code current} since. */
    public static DomainException staleVersion(long current) {
        return new DomainException(Kind.STALE_VERSION, "stale-version", null,
                "the resource changed since it was read; its current version is " + current, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The problem type's last segment, for example {@code duplicate-slug}. */
    public String code() {
        return code;
    }

    /** A title of the rule's own, or null for the kind's usual title. */
    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
