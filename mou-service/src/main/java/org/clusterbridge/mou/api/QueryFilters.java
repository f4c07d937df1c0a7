package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.clusterbridge.api.QueryParams;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.FocusAreas;
import org.clusterbridge.rules.DomainException;

/** Reads the list filters from raw query parameters: a bad value is a 400 naming the parameter. */
final class QueryFilters {

    static final int MAX_DAYS = 36_500;

    private QueryFilters() {
    }

    static AgreementQuery agreements(String clusterId, String status, String country, String focusArea,
            String signedFrom, String signedTo, String expiringWithinDays, String updatedSince) {
        UUID cluster = QueryParams.uuid("clusterId", clusterId);
        LocalDate from = QueryParams.date("signedFrom", signedFrom);
        LocalDate to = QueryParams.date("signedTo", signedTo);
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.invalid("signedTo", "must not be before signedFrom");
        }
        Integer days = QueryParams.integer("expiringWithinDays", expiringWithinDays);
        if (days != null && (days < 0 || days > MAX_DAYS)) {
            throw DomainException.invalid("expiringWithinDays", "must be between 0 and " + MAX_DAYS);
        }
        return new AgreementQuery(cluster, status(status), country(country), focusArea(focusArea), from, to, days,
                QueryParams.instant("updatedSince", updatedSince));
    }

    static AgreementStatus status(String raw) {
        return QueryParams.enumValue(AgreementStatus.class, "status", raw);
    }

    static String country(String raw) {
        return QueryParams.country("country", raw);
    }

    static String focusArea(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!FocusAreas.known(raw.trim())) {
            throw DomainException.invalid("focusArea", "unknown focus area \"" + raw + "\"; known: "
                    + String.join(", ", FocusAreas.CODES));
        }
        return raw.trim();
    }

    /** A path id that is not a UUID names no agreement: 404, like an unknown one. */
    static UUID pathId(String what, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(what, raw);
        }
    }
}
