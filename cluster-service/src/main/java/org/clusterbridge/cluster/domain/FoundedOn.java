package org.clusterbridge.cluster.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * When a cluster was founded, as precisely as the sources say: with precision MONTH the date is the first of
 * that month, with YEAR the first of January.
 */
public record FoundedOn(@NotNull LocalDate date, @NotNull DatePrecision precision) {
}
