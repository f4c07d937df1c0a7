package org.clusterbridge.rules;

/** A rule a field breaks: the field as a client wrote it (a JSON path or a query parameter) and what is wrong. */
public record Violation(String field, String message) {
}
