package org.clusterbridge.funding.domain;

import java.util.List;

/** A figure breaks the rules; every broken rule is listed with its field. */
public class InvalidFigureException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidFigureException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public InvalidFigureException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
