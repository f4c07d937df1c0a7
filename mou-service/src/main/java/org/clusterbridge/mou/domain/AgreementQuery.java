package org.clusterbridge.mou.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The filters of the agreement list; null means "any". {@code updatedSince} keeps those changed at or after it. */
public record AgreementQuery(UUID clusterId, AgreementStatus status, String country, String focusArea,
        LocalDate signedFrom, LocalDate signedTo, Integer expiringWithinDays, Instant updatedSince) {
}
