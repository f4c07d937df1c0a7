package org.clusterbridge.cluster.domain;

/** A rule a field breaks: the JSON path of the field and what is wrong with it. */
public record Violation(String field, String message) {
}
