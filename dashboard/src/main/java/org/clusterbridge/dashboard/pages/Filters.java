package org.clusterbridge.dashboard.pages;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;

/**
 * The filters people type or pick, checked before any service is asked: a bad one is a clear 400 page naming the
 * filter, never a call that fails further down.
 */
final class Filters {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,99}");
    static final List<String> CLUSTER_KINDS = List.of("CLUSTER", "ALLIANCE", "ASSOCIATION", "FOUNDATION",
            "PUBLIC_BODY");
    static final List<String> CLUSTER_STATUSES = List.of("ACTIVE", "RETIRED");
    static final List<String> AGREEMENT_STATUSES = List.of("SIGNED", "ACTIVE", "EXPIRED", "TERMINATED");
    static final List<String> NATURES = List.of("ACTUAL", "TARGET");

    private Filters() {
    }

    static String country(String value) {
        String v = blankToNull(value);
        if (v != null && !COUNTRY.matcher(v).matches()) {
            throw invalid("country", value, Messages::expected_country);
        }
        return v;
    }

    static String code(String name, String value) {
        String v = blankToNull(value);
        if (v != null && !CODE.matcher(v).matches()) {
            throw invalid(name, value, Messages::expected_code);
        }
        return v;
    }

    static String oneOf(String name, String value, List<String> allowed) {
        String v = blankToNull(value);
        if (v != null && !allowed.contains(v)) {
            throw invalid(name, value, words -> words.expected_one_of(String.join(", ", allowed)));
        }
        return v;
    }

    static String text(String name, String value, int max) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            throw invalid(name, value.substring(0, 20) + "...", words -> words.expected_at_most(max));
        }
        return v;
    }

    /** A cluster's id or slug as it may appear in a path. */
    static String key(String value) {
        if (value == null || !KEY.matcher(value).matches()) {
            throw invalid("cluster", value, Messages::expected_cluster);
        }
        return value;
    }

    static int number(String name, String value, int fallback, int min, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, value, words -> words.expected_number(min, max));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static InvalidFilter invalid(String name, String value, Function<Messages, String> expected) {
        return new InvalidFilter(name, value, expected);
    }

    /** A filter a page cannot take; the problem page says why in its own language. */
    static final class InvalidFilter extends BadRequestException {

        private final String name;
        private final String value;
        private final transient Function<Messages, String> expected;

        InvalidFilter(String name, String value, Function<Messages, String> expected) {
            super("the filter " + name + " is not valid");
            this.name = name;
            this.value = value;
            this.expected = expected;
        }

        String detail(Messages words) {
            return words.invalid_filter(name, String.valueOf(value), expected.apply(words));
        }
    }

    /** The query of a page's own links: the filters, without blanks. */
    static String query(Map<String, ?> filters) {
        return org.clusterbridge.dashboard.registry.RegistryClient.path("", filters).replaceFirst("^\\?", "");
    }
}
