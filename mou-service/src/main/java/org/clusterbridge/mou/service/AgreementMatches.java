package org.clusterbridge.mou.service;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.store.AgreementFacts;
import org.clusterbridge.mou.store.AgreementSelection;
import org.clusterbridge.mou.store.AgreementStore;
import org.clusterbridge.mou.store.ClusterViewStore;

/**
 * The agreements a list's filters select, resolved once and then read as a page, as every match for an export, or
 * as facet counts. A selection that cannot match (a country without clusters) answers an empty page, an empty
 * export and empty facets without reading the store.
 *
 * <p>A selection of some clusters' agreements (a cluster's list, or {@code clusterId=}) is resolved up front into
 * the facts of its matches, in the list's order, from the clusters' read model and the agreements read by
 * {@code _id}; its page, total, export and facets all come from that one list. Any other selection is a filter
 * on the agreements that the store runs for each of them.
 */
public final class AgreementMatches {

    /** How many agreements an export reads, and represents, at a time. */
    public static final int BATCH = 500;

    private final AgreementStore store;
    private final ClusterViewStore clusters;
    private final AgreementSelection selection;
    /** The matches of a selection of clusters' agreements, in the list's order; null for any other selection. */
    private final List<AgreementFacts> signed;

    AgreementMatches(AgreementStore store, ClusterViewStore clusters, AgreementSelection selection) {
        this.store = store;
        this.clusters = clusters;
        this.selection = selection;
        this.signed = selection == null || selection.signers() == null ? null : signed(store, clusters, selection);
    }

    /** One page, in the list's order: latest signed first, then by reference. */
    public Page<Agreement> page(PageRequest page) {
        if (selection == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        if (signed != null) {
            int from = (int) Math.min(signed.size(), page.offset());
            int to = (int) Math.min(signed.size(), (long) from + page.size());
            return new Page<>(store.find(ids(signed.subList(from, to))), page.page(), page.size(), signed.size());
        }
        return new Page<>(store.find(selection, page.offset(), page.size()), page.page(), page.size(),
                store.count(selection));
    }

    /** Every match in the list's order, read from the store {@link #BATCH} at a time while it is iterated. */
    public Iterator<Agreement> all() {
        if (selection == null) {
            return Collections.emptyIterator();
        }
        return signed != null ? store.stream(ids(signed), BATCH) : store.stream(selection, BATCH);
    }

    /** The language tags of the matches' titles and purposes. */
    public Set<String> languages() {
        if (selection == null) {
            return Set.of();
        }
        return signed != null ? store.languages(ids(signed)) : store.languages(selection);
    }

    /**
     * The counts of each facet asked for ({@link AgreementFacets#OFFERED}) over all matches, value → count, from
     * their facts (one projected scan of them, unless already read); a facet without matches has no values.
     */
    public Map<String, Map<String, Long>> facets(List<String> asked) {
        AgreementFacets facets = new AgreementFacets(asked, selection == null ? null : selection.day());
        if (selection != null && !asked.isEmpty()) {
            if (signed != null) {
                signed.forEach(facets::add);
            } else {
                store.scanFacts(selection, facets::add);
            }
        }
        return facets.counts(clusters::countries);
    }

    /**
     * The selection's matches; its country (any signer's, as the view has it) checked here, from the countries of
     * the matches' signers looked up by id.
     */
    private static List<AgreementFacts> signed(AgreementStore store, ClusterViewStore clusters,
            AgreementSelection selection) {
        List<AgreementFacts> matches = store.signedBy(selection);
        String country = selection.query().country();
        if (country == null || matches.isEmpty()) {
            return matches;
        }
        Set<String> signers = new HashSet<>();
        matches.forEach(facts -> signers.addAll(facts.signers()));
        Map<String, String> countries = clusters.countries(signers);
        return matches.stream().filter(facts -> facts.signers().stream()
                .anyMatch(id -> country.equals(countries.get(id)))).toList();
    }

    private static List<String> ids(List<AgreementFacts> facts) {
        return facts.stream().map(AgreementFacts::id).toList();
    }
}
