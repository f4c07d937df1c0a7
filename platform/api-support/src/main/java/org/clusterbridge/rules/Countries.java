package org.clusterbridge.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Countries as the system writes them: ISO 3166-1 alpha-2 in capitals, plus {@code EU} (exceptionally reserved
 * in ISO 3166-1 for the European Union), which only an alliance of European clusters may carry.
 */
public final class Countries {

    public static final String EUROPEAN_UNION = "EU";
    private static final Set<String> ISO_3166 = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** An ISO 3166-1 alpha-2 code in capitals, or {@code EU}. */
    public static boolean isCode(String code) {
        return code != null && (ISO_3166.contains(code) || EUROPEAN_UNION.equals(code));
    }

    /** The rules of a country field in a body: required, a code in capitals, {@code EU} for alliances only. */
    public static List<Violation> check(String field, String country, boolean alliance) {
        if (country == null) {
            return List.of(new Violation(field, "is required"));
        }
        if (EUROPEAN_UNION.equals(country) && !alliance) {
            return List.of(new Violation(field, "EU is only for alliances; a cluster has one country"));
        }
        if (!isCode(country)) {
            return List.of(new Violation(field,
                    "unknown country \"" + country + "\"; use an ISO 3166-1 alpha-2 code in capitals such as FR or JP"));
        }
        return List.of();
    }

    /**
     * A country filter as a client wrote it: any case, returned in capitals; null when absent. An unknown code
     * is a {@link DomainException} naming {@code field}.
     */
    public static String filter(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!isCode(code)) {
            throw DomainException.invalid(field,
                    "unknown country \"" + raw + "\"; use an ISO 3166-1 alpha-2 code such as FR or JP");
        }
        return code;
    }
}
