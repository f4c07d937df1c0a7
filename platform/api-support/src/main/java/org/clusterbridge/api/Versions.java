package org.clusterbridge.api;

import jakarta.ws.rs.core.EntityTag;

import org.clusterbridge.rules.DomainException;

/**
 * ETags are the representation's {@code version}; a {@code PUT} must send the version it read in
 * {@code If-Match}. Missing is 428, stale is 412. A read whose {@code If-None-Match} names the current version is a
 * 304 (see {@link ConditionalReads}).
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client read, from {@code If-Match}; throws 428 when absent and 400 when unreadable. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "send the representation's ETag in If-Match to update it", null);
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    "If-Match " + ifMatch + " does not match the current version", null);
        }
    }

    /** Throws 412 unless the client's version is the current one. */
    public static void check(String ifMatch, long current) {
        long expected = expected(ifMatch);
        if (expected != current) {
            throw stale(current);
        }
    }

    public static DomainException stale(long current) {
        return DomainException.staleVersion(current);
    }
}
