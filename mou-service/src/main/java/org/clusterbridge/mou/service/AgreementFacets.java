package org.clusterbridge.mou.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.clusterbridge.mou.store.AgreementFacts;

/**
 * Counts the facets of an agreement list in one pass over its selection's {@link AgreementFacts}: the status on
 * the day of the request, the kind, each focus area, and each distinct country among the signers (parties and
 * co-signers). Countries come from the cluster view once the pass is done, looked up once for every signer seen;
 * meanwhile agreements are grouped by their set of signers, so what is held is one count per distinct set, not
 * one entry per agreement.
 */
public final class AgreementFacets {

    public static final String STATUS = "status";
    public static final String KIND = "kind";
    public static final String COUNTRY = "country";
    public static final String FOCUS_AREA = "focusArea";
    /** The facets the agreement lists offer, in the order errors name them. */
    public static final Set<String> OFFERED = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of(STATUS, KIND, COUNTRY, FOCUS_AREA)));

    private final Set<String> asked;
    private final LocalDate day;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final Map<Set<String>, Long> signerSets = new HashMap<>();

    AgreementFacets(Collection<String> asked, LocalDate day) {
        this.asked = Set.copyOf(asked);
        this.day = day;
        asked.forEach(facet -> counts.put(facet, new HashMap<>()));
    }

    void add(AgreementFacts agreement) {
        if (asked.contains(STATUS)) {
            count(STATUS, agreement.statusOn(day).name(), 1);
        }
        if (asked.contains(KIND) && agreement.kind() != null) {
            count(KIND, agreement.kind().name(), 1);
        }
        if (asked.contains(FOCUS_AREA)) {
            new LinkedHashSet<>(agreement.focusAreas()).forEach(area -> count(FOCUS_AREA, area, 1));
        }
        if (asked.contains(COUNTRY)) {
            signerSets.merge(Set.copyOf(agreement.signers()), 1L, Long::sum);
        }
    }

    /**
     * The counts of each facet asked for, value → count; {@code countries} gives the countries of the signer ids
     * it knows (asked only when the country facet is).
     */
    Map<String, Map<String, Long>> counts(Function<Collection<String>, Map<String, String>> countries) {
        if (asked.contains(COUNTRY) && !signerSets.isEmpty()) {
            Set<String> signers = new HashSet<>();
            signerSets.keySet().forEach(signers::addAll);
            Map<String, String> known = countries.apply(signers);
            signerSets.forEach((set, agreements) -> {
                Set<String> distinct = new HashSet<>();
                set.forEach(id -> {
                    String country = known.get(id);
                    if (country != null) {
                        distinct.add(country);
                    }
                });
                distinct.forEach(country -> count(COUNTRY, country, agreements));
            });
        }
        return counts;
    }

    private void count(String facet, String value, long by) {
        counts.get(facet).merge(value, by, Long::sum);
    }
}
