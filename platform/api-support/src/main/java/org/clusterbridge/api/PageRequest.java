package org.clusterbridge.api;

import java.util.ArrayList;
import java.util.List;

import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.Violation;

/** Validated {@code ?page=&size=}: page from 0, size from 1 to {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer page, Integer size) {
        List<Violation> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new Violation("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new Violation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
