package org.clusterbridge.cluster.service;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.clusterbridge.api.Facets;
import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.Total;
import org.clusterbridge.api.export.Keyset;
import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.domain.SearchText;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The cluster list's reads over one filter: a page, the facet counts of the whole filtered set, and every match
 * for an export, all in the list's order (English name case-insensitively, then id) and on the same conditions.
 * A page's total is exact up to {@code clusterbridge.list.exact-total-up-to} matches and the planner's estimate
 * above (see {@link Total}).
 */
@ApplicationScoped
public class ClusterSearch {

    /** The facets of the list, by name: the SQL of each value a cluster has (a focus area per row of the set). */
    private static final Map<String, String> FACETS = new LinkedHashMap<>();

    static {
        FACETS.put("country", "SELECT c.country AS v, count(*) FROM cluster c");
        FACETS.put("kind", "SELECT c.kind AS v, count(*) FROM cluster c");
        FACETS.put("focusArea", "SELECT f.v, count(*) FROM cluster c "
                + "CROSS JOIN LATERAL jsonb_array_elements_text(c.focus_areas) AS f(v)");
        FACETS.put("status", "SELECT c.status AS v, count(*) FROM cluster c");
    }

    /** The facet names {@code facets=} accepts. */
    public static final Set<String> FACET_NAMES = FACETS.keySet();

    private final EntityManager entityManager;
    private final ClusterService clusters;
    private final int exportBatch;
    private final long exactTotalBound;

    ClusterSearch(EntityManager entityManager, ClusterService clusters,
            @ConfigProperty(name = "clusterbridge.export.batch-size", defaultValue = "500") int exportBatch,
            @ConfigProperty(name = Total.BOUND, defaultValue = Total.DEFAULT_BOUND) long exactTotalBound) {
        this.entityManager = entityManager;
        this.clusters = clusters;
        this.exportBatch = exportBatch;
        this.exactTotalBound = exactTotalBound;
    }

    /** One page of the clusters matching the filter, with the counts of the facets asked for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClusterEntry> list(ClusterFilter filter, PageRequest page, List<String> facets) {
        Condition where = Condition.of(filter);
        Total total = Total.bounded(exactTotalBound, limit -> countUpTo(filter, where, limit), () -> estimate(where));
        List<Cluster> found = List.of();
        if (!total.exact() || total.value() > page.offset()) {
            found = select(where, " ORDER BY lower(c.name_en), c.id", page.offset(), page.size());
        }
        return new Page<>(clusters.entries(found), page.page(), page.size(), total)
                .withFacets(Facets.count(facets, facet -> counts(where, facet)));
    }

    /**
     * Every cluster matching the filter, in the list's order, read in batches of its sort index's ranges, each
     * in a transaction of its own: held one batch at a time, whatever the number of matches.
     */
    public Iterator<ClusterEntry> export(ClusterFilter filter) {
        Condition where = Condition.of(filter);
        return Keyset.<ClusterEntry> of(last -> QuarkusTransaction.requiringNew().call(() -> {
            Condition after = last == null ? where : where.and(
                    "(lower(c.name_en), c.id) > (lower(CAST(:afterName AS text)), CAST(:afterId AS uuid))",
                    Map.of("afterName", last.cluster().nameEn, "afterId", last.cluster().id.toString()));
            return clusters.entries(select(after, " ORDER BY lower(c.name_en), c.id", 0, exportBatch));
        }));
    }

    /** The language tags of the names and descriptions of the clusters matching the filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> languages(ClusterFilter filter) {
        Condition where = Condition.of(filter);
        @SuppressWarnings("unchecked")
        List<String> tags = where.bind(entityManager.createNativeQuery("SELECT DISTINCT t.tag FROM cluster c "
                + "CROSS JOIN LATERAL (SELECT jsonb_object_keys(c.names) UNION "
                + "SELECT jsonb_object_keys(coalesce(c.description, '{}'::jsonb))) AS t(tag)" + where.sql()))
                .getResultList();
        return new LinkedHashSet<>(tags);
    }

    /**
     * The matches, but no more than {@code limit}: a scan that stops there. A filter by focus area (and by no text or
     * time) counts the rows of {@code cluster_focus_area}, one per cluster with the area, in the order of an index
     * whose prefix it names.
     */
    private long countUpTo(ClusterFilter filter, Condition where, long limit) {
        Optional<Condition> rows = Condition.ofFocusAreaRows(filter);
        Condition counted = rows.orElse(where);
        String from = rows.isPresent() ? "cluster_focus_area c" : "cluster c";
        return ((Number) counted.bind(entityManager.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM " + from
                + counted.sql() + " LIMIT " + limit + ") AS matches")).getSingleResult()).longValue();
    }

    /** The matches the planner expects, from its statistics: no row is read. */
    private long estimate(Condition where) {
        return Total.plannedRows((String) where.bind(entityManager.createNativeQuery("EXPLAIN SELECT 1 FROM cluster c"
                + where.sql())).getResultList().get(0));
    }

    private Map<String, Long> counts(Condition where, String facet) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(FACETS.get(facet) + where.sql()
                + " GROUP BY 1")).getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private List<Cluster> select(Condition where, String order, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Cluster> found = where.bind(entityManager.createNativeQuery("SELECT c.* FROM cluster c" + where.sql()
                + order, Cluster.class)).setFirstResult(offset).setMaxResults(limit).getResultList();
        return found;
    }

    /** The WHERE clause of a filter over {@code cluster c}, with its parameters. */
    private record Condition(String sql, Map<String, Object> parameters) {

        static Condition of(ClusterFilter filter) {
            StringBuilder where = new StringBuilder(" WHERE TRUE");
            Map<String, Object> parameters = new HashMap<>();
            addCodes(filter, where, parameters);
            if (filter.focusArea() != null) {
                where.append(" AND c.focus_areas @> jsonb_build_array(CAST(:focusArea AS text))");
                parameters.put("focusArea", filter.focusArea());
            }
            if (filter.q() != null) {
                String q = SearchText.normalize(filter.q());
                if (!q.isEmpty()) {
                    where.append(" AND c.search_text LIKE :q ESCAPE '\\'");
                    parameters.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
            }
            if (filter.updatedSince() != null) {
                where.append(" AND c.updated_at >= :updatedSince");
                parameters.put("updatedSince", QueryParams.microsCeiling(filter.updatedSince()));
            }
            return new Condition(where.toString(), parameters);
        }

        /**
         * The same filter over {@code cluster_focus_area c} (migration V5), when it has a focus area and neither text
         * nor time, which only the clusters' rows hold.
         */
        static Optional<Condition> ofFocusAreaRows(ClusterFilter filter) {
            if (filter.focusArea() == null || filter.q() != null || filter.updatedSince() != null) {
                return Optional.empty();
            }
            StringBuilder where = new StringBuilder(" WHERE c.focus_area = :focusArea");
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("focusArea", filter.focusArea());
            addCodes(filter, where, parameters);
            return Optional.of(new Condition(where.toString(), parameters));
        }

        /** The filter's country, kind and status, columns of the same names in both tables. */
        private static void addCodes(ClusterFilter filter, StringBuilder where, Map<String, Object> parameters) {
            if (filter.country() != null) {
                where.append(" AND c.country = :country");
                parameters.put("country", filter.country());
            }
            if (filter.kind() != null) {
                where.append(" AND c.kind = :kind");
                parameters.put("kind", filter.kind().name());
            }
            if (filter.status() != null) {
                where.append(" AND c.status = :status");
                parameters.put("status", filter.status().name());
            }
        }

        Condition and(String condition, Map<String, Object> more) {
            Map<String, Object> all = new HashMap<>(parameters);
            all.putAll(more);
            return new Condition(sql + " AND " + condition, all);
        }

        Query bind(Query query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
