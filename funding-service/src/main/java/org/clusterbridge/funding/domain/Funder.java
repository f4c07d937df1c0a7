package org.clusterbridge.funding.domain;

/** A funder a source names (FUI, Bpifrance, ANR, ERDF, PIA, local authorities ...), with its amount when given. */
public record Funder(String name, String description, Money amount) {
}
