package org.clusterbridge.cluster.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * How many members a cluster reports as of a date, with the breakdown and the source. Reports are never
 * merged: when two documents disagree, both are kept. {@code asOf} is null when the source gives no date;
 * {@code note} says what the source leaves open.
 */
public record MembershipReport(
        LocalDate asOf,
        @PositiveOrZero @Max(10_000_000) Integer total,
        Approximation approximation,
        @Size(max = 20) List<@Valid @NotNull MembershipCount> breakdown,
        @NotNull @Valid SourceDocument source,
        @Size(max = 1000) String note) {

    public MembershipReport {
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        approximation = approximation == null && total != null ? Approximation.EXACT : approximation;
    }
}
