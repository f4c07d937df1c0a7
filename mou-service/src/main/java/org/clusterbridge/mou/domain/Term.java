package org.clusterbridge.mou.domain;

import java.time.LocalDate;

/** How long an agreement runs from its effective date: years or months, one of them. */
public record Term(Integer years, Integer months) {

    public static final int MAX_YEARS = 100;

    /** Whether this term gives an expiry: years or months (one of them) within bounds. */
    public boolean givesExpiry() {
        if ((years == null) == (months == null)) {
            return false;
        }
        return years != null ? years >= 1 && years <= MAX_YEARS : months >= 1 && months <= MAX_YEARS * 12;
    }

    /** The expiry of an agreement effective from {@code start}: five years from 2020-02-05 is 2025-02-05. */
    public LocalDate expiryFrom(LocalDate start) {
        return years != null ? start.plusYears(years) : start.plusMonths(months);
    }
}
