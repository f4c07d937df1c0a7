package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.AgreementStatus;

/**
 * The MongoDB filters of the agreement queries, on the fields {@link AgreementDocuments} stores, and the same
 * conditions on an agreement's {@link AgreementFacts} for the lists that read their candidates by {@code _id}
 * (see {@link #matches}); AgreementFiltersTest holds the two to the same answers.
 */
final class AgreementFilters {

    static final String UPDATED_AT = "updatedAt";

    private AgreementFilters() {
    }

    /** The selection as one filter. */
    static Bson of(AgreementSelection selection) {
        List<Bson> filters = new ArrayList<>();
        filters.add(query(selection.query(), selection.signers(), selection.day()));
        if (selection.inCountry() != null) {
            filters.add(signedByAny(selection.inCountry()));
        }
        return and(filters);
    }

    /**
     * Agreements whose recorded status differs from the one they have on {@code day} because a date passed: not
     * terminated, and either recorded before they became effective or before they expired.
     */
    static Bson dueForRestatement(LocalDate day) {
        String d = day.toString();
        Bson becameEffective = and(eq("status", AgreementStatus.SIGNED.name()), lte("effectiveFrom", d));
        Bson expired = and(in("status", AgreementStatus.SIGNED.name(), AgreementStatus.ACTIVE.name()),
                lte("expiresOn", d));
        return or(becameEffective, expired);
    }

    /**
     * The filter for the query's dates, status, focus area and change time on {@code day}, and for {@code signers}
     * when given.
     */
    private static Bson query(AgreementQuery q, Collection<UUID> signers, LocalDate day) {
        List<Bson> filters = new ArrayList<>();
        if (signers != null) {
            filters.add(signedByAny(signers));
        }
        if (q.status() != null) {
            filters.add(status(q.status(), day));
        }
        if (q.focusArea() != null) {
            filters.add(eq("focusAreas", q.focusArea()));
        }
        if (q.signedFrom() != null) {
            filters.add(gte("signedOn", q.signedFrom().toString()));
        }
        if (q.signedTo() != null) {
            filters.add(lte("signedOn", q.signedTo().toString()));
        }
        if (q.expiringWithinDays() != null) {
            filters.add(ne("status", AgreementStatus.TERMINATED.name()));
            filters.add(gt("expiresOn", day.toString()));
            filters.add(lte("expiresOn", day.plusDays(q.expiringWithinDays()).toString()));
        }
        if (q.updatedSince() != null) {
            filters.add(updatedSince(q.updatedSince()));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }

    /**
     * {@code updatedAt} at or after {@code since}. It is stored as ISO-8601 text with as many fraction digits as
     * needed ({@code ...:05Z}, {@code ...:05.120Z}), which sorts in time order except where a value of the bound's
     * second has a shorter fraction than the bound, or none ({@code Z} sorts after {@code .} and the digits): those
     * few values, one per fraction length, are excluded by name. Years are 1 to 9999 (four digits). Agreements
     * recorded before auditing began have no {@code updatedAt}; they match no bound.
     */
    static Bson updatedSince(Instant since) {
        String second = DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS)).replace("Z", "");
        if (since.getNano() == 0) {
            return gte(UPDATED_AT, second);
        }
        String fraction = String.format("%09d", since.getNano()).replaceAll("0+$", "");
        List<String> earlier = new ArrayList<>(List.of(second + "Z"));
        for (int digits = 1; digits < fraction.length(); digits++) {
            earlier.add(second + "." + fraction.substring(0, digits) + "Z");
        }
        return and(gte(UPDATED_AT, second + "." + fraction), nin(UPDATED_AT, earlier));
    }

    /**
     * Whether an agreement with {@code facts} matches the query's dates, status, focus area and change time on
     * {@code day}, exactly as {@link #of} selects it. Its cluster and country are not checked here: the caller
     * read it as a candidate of its clusters and has the cluster view for countries.
     */
    static boolean matches(AgreementQuery q, LocalDate day, AgreementFacts facts) {
        if (q.status() != null && !hasStatus(q.status(), day, facts)) {
            return false;
        }
        if (q.focusArea() != null && !facts.focusAreas().contains(q.focusArea())) {
            return false;
        }
        LocalDate signedOn = facts.signedOn();
        if (q.signedFrom() != null && (signedOn == null || signedOn.isBefore(q.signedFrom()))) {
            return false;
        }
        if (q.signedTo() != null && (signedOn == null || signedOn.isAfter(q.signedTo()))) {
            return false;
        }
        if (q.expiringWithinDays() != null) {
            LocalDate expiresOn = facts.expiresOn();
            if (facts.recorded() == AgreementStatus.TERMINATED || expiresOn == null || !expiresOn.isAfter(day)
                    || expiresOn.isAfter(day.plusDays(q.expiringWithinDays()))) {
                return false;
            }
        }
        // The stored time read as an instant: what the text comparison of updatedSince(Instant) emulates.
        return q.updatedSince() == null || facts.updatedAt() != null && !facts.updatedAt().isBefore(q.updatedSince());
    }

    /** {@link #status} on the facts: the recorded TERMINATED, otherwise the dates. */
    private static boolean hasStatus(AgreementStatus status, LocalDate day, AgreementFacts f) {
        boolean terminated = f.recorded() == AgreementStatus.TERMINATED;
        return switch (status) {
            case TERMINATED -> terminated;
            case SIGNED -> !terminated && f.effectiveFrom() != null && f.effectiveFrom().isAfter(day);
            case EXPIRED -> !terminated && f.expiresOn() != null && !f.expiresOn().isAfter(day);
            case ACTIVE -> !terminated && f.effectiveFrom() != null && !f.effectiveFrom().isAfter(day)
                    && (f.expiresOn() == null || f.expiresOn().isAfter(day));
        };
    }

    /** Agreements that any of the clusters signed, as a party or co-signer. */
    private static Bson signedByAny(Collection<UUID> clusterIds) {
        return in(AgreementDocuments.SIGNERS, clusterIds.stream().map(UUID::toString).distinct().toList());
    }

    /**
     * The status on {@code day} as a condition on the dates (see {@link Agreement#statusOn}), so that the filter
     * is exact even where the recorded status has not yet been brought up to date. Terminations take effect on
     * a date that is never in the future, so the recorded TERMINATED is exact.
     */
    private static Bson status(AgreementStatus status, LocalDate day) {
        String d = day.toString();
        Bson terminated = eq("status", AgreementStatus.TERMINATED.name());
        Bson notTerminated = ne("status", AgreementStatus.TERMINATED.name());
        return switch (status) {
            case TERMINATED -> terminated;
            case SIGNED -> and(notTerminated, gt("effectiveFrom", d));
            case EXPIRED -> and(notTerminated, lte("expiresOn", d));
            case ACTIVE -> and(notTerminated, lte("effectiveFrom", d), or(eq("expiresOn", null), gt("expiresOn", d)));
        };
    }
}
