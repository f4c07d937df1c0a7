package org.clusterbridge.cluster.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** One group of a membership-size report, as the source states it. */
public record MembershipCount(
        @NotNull MemberCategory category,
        @NotNull @PositiveOrZero @Max(10_000_000) Integer count,
        Approximation approximation) {
}
