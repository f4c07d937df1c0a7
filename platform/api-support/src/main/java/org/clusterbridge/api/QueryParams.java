package org.clusterbridge.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clusterbridge.rules.Countries;
import org.clusterbridge.rules.DomainException;

/**
 * Reads query parameters taken as strings, so a malformed value is a 400 naming the parameter (JAX-RS would
 * answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private QueryParams() {
    }

    public static Integer integer(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "must be a whole number");
        }
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "must be a date (YYYY-MM-DD)");
        }
    }

    /**
     * An instant with its offset, {@code Z} or {@code +09:00} ({@code 2026-01-31T00:00:00Z}); years 1 to 9999 in
     * UTC, which every store can compare. A {@code +} sent unencoded arrives as a space and is read as a plus.
     */
    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String message = "must be an instant with its offset, for example 2026-01-31T00:00:00Z or "
                + "2026-01-31T09:00:00+09:00";
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw.trim().replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, message);
        }
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw DomainException.invalid(name, message + ", between years 1 and 9999");
        }
        return instant;
    }

    /**
     * A lower bound for a column that keeps microseconds (PostgreSQL's timestamps): a finer bound is rounded up,
     * so that it compares as given, not as rounded.
     */
    public static Instant microsCeiling(Instant bound) {
        Instant micros = bound.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(bound) ? bound : micros.plus(1, ChronoUnit.MICROS);
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(name, "must be a UUID");
        }
    }

    /** Accepts the constant's name in any case, and with hyphens for underscores. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String normalized = raw.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw DomainException.invalid(name, "unknown value \"" + raw + "\"; allowed: "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** A country filter in any case, returned in capitals ({@link Countries#filter}). */
    public static String country(String name, String raw) {
        return Countries.filter(name, raw);
    }

    public static PageRequest page(String page, String size) {
        return PageRequest.of(integer("page", page), integer("size", size));
    }
}
