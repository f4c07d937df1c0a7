package org.clusterbridge.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.EntityTag;

import org.clusterbridge.rules.DomainException;

/**
 * ETags are the representation's {@code version}, or {@code <version>.<digest>} for a representation that embeds
 * more than the resource's own state (names of other resources, a status on today's date): the digest of its body
 * then changes the tag when only what it embeds changed, so that an {@code If-None-Match} never yields a 304 with
 * stale content. A {@code PUT} must send the tag it read in {@code If-Match}; only its version is compared, as the
 * digest describes the representation, not the resource's version (a tag read before a rename of another resource
 * names the same version). Missing is 428, stale or unreadable is 412. A read whose {@code If-None-Match} names the
 * current tag is a 304 (see {@link ConditionalReads}).
 */
public final class Versions {

    /** How many hex characters of SHA-256 the digest keeps: 64 bits, enough to tell representations apart. */
    static final int DIGEST_LENGTH = 16;
    private static final Pattern TAG = Pattern.compile("(-?[0-9]+)(?:\\.[0-9a-f]{" + DIGEST_LENGTH + "})?");

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** {@code <version>.<digest>}: the version and a digest of the representation's serialised body. */
    public static EntityTag etag(long version, byte[] body) {
        return new EntityTag(version + "." + digest(body));
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
        Matcher tag = TAG.matcher(value);
        try {
            if (tag.matches()) {
                return Long.parseLong(tag.group(1));
            }
        } catch (NumberFormatException e) {
            // Too many digits for a version: unreadable, as below.
        }
        throw new ProblemException(412, "stale-version", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current version", null);
    }

    /** Throws 412 unless the client's version is the current one. */
    public static void check(String ifMatch, long current) {
        long expected = expected(ifMatch);
        if (expected != current) {
            throw stale(current);
        }
    }

    /** The first {@value #DIGEST_LENGTH} hex characters of the body's SHA-256. */
    static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static DomainException stale(long current) {
        return DomainException.staleVersion(current);
    }
}
