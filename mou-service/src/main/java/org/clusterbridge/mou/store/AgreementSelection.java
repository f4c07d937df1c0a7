package org.clusterbridge.mou.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementQuery;

/**
 * The agreements a list selects on {@code day}: those matching the query's status, dates and focus area, signed by
 * any of {@code signers} when given, and by any of {@code inCountry} (the clusters of the query's country, which
 * the caller resolved) when given.
 */
public record AgreementSelection(AgreementQuery query, Collection<UUID> signers, Collection<UUID> inCountry,
        LocalDate day) {
}
