package org.clusterbridge.funding.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.Total;
import org.clusterbridge.api.export.Keyset;
import org.clusterbridge.funding.domain.FigureSnapshot;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.events.ClusterView;
import org.clusterbridge.rules.IdOrSlug;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The figure list in its three readings, a page, the counts of its facets and an export of every match, all from
 * one condition built from the filters, so that the three never disagree on which figures match.
 */
@ApplicationScoped
public class FigureSearch {

    /** The facets the figure list counts ({@code facets=}), in the order the API names them. */
    public static final Set<String> FACETS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("indicator", "nature", "country")));

    private static final String FROM = "from FundingFigure f where ";
    /**
     * The list's order: latest period end first, then latest recorded, then by id for a total order; all three
     * descending, so that one index (funding_figure_list_order) read backwards serves it and the keyset below.
     */
    private static final String ORDER = " order by f.periodEnd desc, f.recordedAt desc, f.id desc";
    /** After the figure whose keys are bound in {@link #ORDER}: one row comparison, one index range. */
    private static final String AFTER = "(f.periodEnd, f.recordedAt, f.id) < (:lastEnd, :lastRecorded, :lastId)";

    private static final Map<String, FacetQuery> FACET_QUERIES = Map.of(
            "indicator", new FacetQuery("f.indicator", ""),
            "nature", new FacetQuery("f.nature", ""),
            "country", new FacetQuery("c.country", " join ClusterViewRow c on c.id = f.clusterId"));

    /**
     * Filters of the figure list; null means "any". {@code cluster} is an id or a slug (a slug no cluster holds
     * matches nothing); {@code updatedSince} keeps those changed at or after it.
     */
    public record Filter(IdOrSlug cluster, Indicator indicator, Nature nature, LocalDate from, LocalDate to,
            String country, Instant updatedSince) {
    }

    /** A facet's value in a query over {@code f}, a FundingFigure, and the join that value needs. */
    private record FacetQuery(String value, String join) {
    }

    /** A condition on {@code f}, a FundingFigure, with its named parameters; {@link #and} narrows it. */
    private record Where(String condition, Map<String, Object> params) {

        static final Where ALL = new Where("1 = 1", Map.of());

        Where and(String clause, Map<String, Object> values) {
            Map<String, Object> all = new HashMap<>(params);
            all.putAll(values);
            return new Where(condition + " and " + clause, Map.copyOf(all));
        }

        /**
         * The condition in SQL over {@code funding_figure f}: the fields are their columns (snake case, as the
         * naming strategy maps them), enum values their names.
         */
        String sql() {
            return FIELD.matcher(condition).replaceAll(field -> "f." + field.group(1).replaceAll("([A-Z])", "_$1")
                    .toLowerCase(Locale.ROOT));
        }

        Query bindSql(Query query) {
            params.forEach((name, value) -> query.setParameter(name, value instanceof Enum<?> e ? e.name() : value));
            return query;
        }
    }

    /** A field of {@code f} in a condition. */
    private static final Pattern FIELD = Pattern.compile("\\bf\\.([a-z][A-Za-z]*)");

    private final FigureMapper mapper;
    private final ClusterView clusters;
    /** Figures an export reads per transaction: one indexed range read each, the response written meanwhile. */
    private final int batch;
    private final long exactTotalBound;

    FigureSearch(FigureMapper mapper, ClusterView clusters,
            @ConfigProperty(name = "clusterbridge.export.batch-size", defaultValue = "500") int batch,
            @ConfigProperty(name = Total.BOUND, defaultValue = Total.DEFAULT_BOUND) long exactTotalBound) {
        this.mapper = mapper;
        this.clusters = clusters;
        this.batch = batch;
        this.exactTotalBound = exactTotalBound;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FigureSnapshot> list(Filter filter, PageRequest page) {
        Optional<Where> where = where(filter);
        if (where.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        List<FigureSnapshot> items = sorted(where.get()).page(page.page(), page.size()).list().stream()
                .map(mapper::snapshot).toList();
        return new Page<>(items, page.page(), page.size(), Total.bounded(exactTotalBound,
                limit -> countUpTo(where.get(), limit), () -> estimate(where.get())));
    }

    /** The matches, but no more than {@code limit}: a scan that stops there. */
    private static long countUpTo(Where where, long limit) {
        return ((Number) where.bindSql(FundingFigure.getEntityManager().createNativeQuery("SELECT count(*) FROM "
                + "(SELECT 1 FROM funding_figure f WHERE " + where.sql() + " LIMIT " + limit + ") AS matches"))
                .getSingleResult()).longValue();
    }

    /** The matches the planner expects, from its statistics: no row is read. */
    private static long estimate(Where where) {
        return Total.plannedRows((String) where.bindSql(FundingFigure.getEntityManager().createNativeQuery(
                "EXPLAIN SELECT 1 FROM funding_figure f WHERE " + where.sql())).getResultList().get(0));
    }

    /**
     * How many of the figures the filter matches have each value of {@code facet} (one of {@link #FACETS}); a
     * figure whose cluster the view does not know has no country, as the {@code country} filter sees it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> facet(Filter filter, String facet) {
        FacetQuery counted = FACET_QUERIES.get(facet);
        if (counted == null) {
            throw new IllegalArgumentException("not a facet of the figure list: " + facet);
        }
        Optional<Where> where = where(filter);
        if (where.isEmpty()) {
            return Map.of();
        }
        var query = FundingFigure.getEntityManager().createQuery("select " + counted.value() + ", count(f) from "
                + "FundingFigure f" + counted.join() + " where " + where.get().condition() + " group by "
                + counted.value(), Object[].class);
        where.get().params().forEach(query::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            if (row[0] != null) {
                counts.put(row[0].toString(), ((Number) row[1]).longValue());
            }
        }
        return counts;
    }

    /**
     * Every figure the filter matches in the list's order, read by keyset in batches (of 500 unless
     * {@code clusterbridge.export.batch-size} says otherwise), each in a transaction of its own: the iterator is
     * consumed while an export streams, after the request's transaction has ended.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Iterator<FigureSnapshot> export(Filter filter) {
        Optional<Where> where = where(filter);
        if (where.isEmpty()) {
            return Collections.emptyIterator();
        }
        return Keyset.of(last -> QuarkusTransaction.requiringNew().call(() -> after(where.get(), last)));
    }

    /**
     * The batch after {@code last} (null: the first). Its keys are exact: the period end is a date, and the
     * recording instant was read back from PostgreSQL, so it has the stored microseconds.
     */
    private List<FigureSnapshot> after(Where where, FigureSnapshot last) {
        Where seek = last == null ? where
                : where.and(AFTER, Map.of("lastEnd", last.period().end(), "lastRecorded", last.recordedAt(),
                        "lastId", last.id()));
        return sorted(seek).page(0, batch).list().stream().map(mapper::snapshot).toList();
    }

    private static PanacheQuery<FundingFigure> sorted(Where where) {
        return FundingFigure.find(FROM + where.condition() + ORDER, where.params());
    }

    /**
     * The condition of the filter, or empty when no figure can match it: a slug no cluster holds, a country
     * without a known cluster.
     */
    private Optional<Where> where(Filter filter) {
        Where where = Where.ALL;
        if (filter.cluster() != null) {
            Optional<UUID> cluster = clusterId(filter.cluster());
            if (cluster.isEmpty()) {
                return Optional.empty();
            }
            where = where.and("f.clusterId = :clusterId", Map.of("clusterId", cluster.get()));
        }
        if (filter.indicator() != null) {
            where = where.and("f.indicator = :indicator", Map.of("indicator", filter.indicator().code()));
        }
        if (filter.nature() != null) {
            where = where.and("f.nature = :nature", Map.of("nature", filter.nature()));
        }
        if (filter.from() != null) {
            where = where.and("f.periodEnd >= :from", Map.of("from", filter.from()));
        }
        if (filter.to() != null) {
            where = where.and("f.periodEnd <= :to", Map.of("to", filter.to()));
        }
        if (filter.updatedSince() != null) {
            where = where.and("f.updatedAt >= :updatedSince",
                    Map.of("updatedSince", QueryParams.microsCeiling(filter.updatedSince())));
        }
        if (filter.country() != null) {
            List<UUID> inCountry = clusters.idsIn(filter.country());
            if (inCountry.isEmpty()) {
                return Optional.empty();
            }
            where = where.and("f.clusterId in (:inCountry)", Map.of("inCountry", inCountry));
        }
        return Optional.of(where);
    }

    /** The cluster a filter names: an id as given, a slug as the view knows it (empty when none holds it). */
    private Optional<UUID> clusterId(IdOrSlug key) {
        return key.id() != null ? Optional.of(key.id()) : clusters.find(key).map(KnownCluster::id);
    }
}
