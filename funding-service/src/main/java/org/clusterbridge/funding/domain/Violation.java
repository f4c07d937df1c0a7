package org.clusterbridge.funding.domain;

/** A rule a figure breaks, naming the field as a client wrote it ({@code value.amount}, {@code period.end}). */
public record Violation(String field, String message) {
}
