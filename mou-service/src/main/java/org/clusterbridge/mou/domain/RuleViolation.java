package org.clusterbridge.mou.domain;

/** A broken rule, on the field (JSON path) that breaks it. */
public record RuleViolation(String field, String message) {
}
