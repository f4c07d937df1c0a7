package org.clusterbridge.mou.service;

import java.time.LocalDate;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementStatus;

/** The filters of the agreement list; null means "any". */
public record AgreementQuery(UUID clusterId, AgreementStatus status, String country, String focusArea,
        LocalDate signedFrom, LocalDate signedTo, Integer expiringWithinDays) {

    public static AgreementQuery all() {
        return new AgreementQuery(null, null, null, null, null, null, null);
    }
}
