package org.clusterbridge.mou.service;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.store.AgreementSelection;
import org.clusterbridge.mou.store.AgreementStore;
import org.clusterbridge.mou.store.ClusterViewStore;

/**
 * The agreements a list's filters select, resolved once (the country's clusters looked up) and then read as a
 * page, as every match for an export, or as facet counts. A selection that cannot match (a country without
 * clusters) answers an empty page, an empty export and empty facets without reading the store.
 */
public final class AgreementMatches {

    /** How many agreements an export reads, and represents, at a time. */
    public static final int BATCH = 500;

    private final AgreementStore store;
    private final ClusterViewStore clusters;
    private final AgreementSelection selection;

    AgreementMatches(AgreementStore store, ClusterViewStore clusters, AgreementSelection selection) {
        this.store = store;
        this.clusters = clusters;
        this.selection = selection;
    }

    /** One page, in the list's order: latest signed first, then by reference. */
    public Page<Agreement> page(PageRequest page) {
        if (selection == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return new Page<>(store.find(selection, page.offset(), page.size()), page.page(), page.size(),
                store.count(selection));
    }

    /** Every match in the list's order, read from the store {@link #BATCH} at a time while it is iterated. */
    public Iterator<Agreement> all() {
        return selection == null ? Collections.emptyIterator() : store.stream(selection, BATCH);
    }

    /** The language tags of the matches' titles and purposes. */
    public Set<String> languages() {
        return selection == null ? Set.of() : store.languages(selection);
    }

    /**
     * The counts of each facet asked for ({@link AgreementFacets#OFFERED}) over all matches, value → count, from
     * one projected scan of them; a facet without matches has no values.
     */
    public Map<String, Map<String, Long>> facets(List<String> asked) {
        AgreementFacets facets = new AgreementFacets(asked, selection == null ? null : selection.day());
        if (selection != null && !asked.isEmpty()) {
            store.scanFacts(selection, facets::add);
        }
        return facets.counts(clusters::countries);
    }
}
