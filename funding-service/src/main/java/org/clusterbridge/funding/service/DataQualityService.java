package org.clusterbridge.funding.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.events.ClusterView;
import org.clusterbridge.funding.service.ClusterFunding.ConflictingReport;
import org.clusterbridge.funding.service.ClusterFunding.IndicatorFunding;
import org.clusterbridge.funding.service.ClusterFunding.Report;
import org.clusterbridge.funding.service.DataQualityConcern.Kind;
import org.clusterbridge.funding.service.DataQualityMarks.Mark;
import org.jboss.logging.Logger;

/**
 * Every plausibility flag and every conflict of every cluster's summary, a page at a time: a page of the marks
 * that {@link DataQualityMarks} keeps, whose items {@link FundingSummaryService}'s own code then builds from the
 * figures of their indicators only.
 */
@ApplicationScoped
public class DataQualityService {

    private static final Logger LOG = Logger.getLogger(DataQualityService.class);

    /** A page of the marks in the list's order, with the number of all. */
    private static final String PAGE = """
            SELECT c.kind, CAST(c.cluster_id AS text), c.indicator, c.nature, c.period_kind,
                   CAST(c.period_start AS text), CAST(c.period_end AS text), c.dimension, CAST(c.figure_id AS text),
                   count(*) OVER () AS total
            FROM data_quality_concern c LEFT JOIN cluster_view v ON v.id = c.cluster_id
            ORDER BY v.slug NULLS LAST, c.cluster_id, c.indicator, c.nature, c.period_end, c.kind, c.period_kind,
                     c.period_start NULLS FIRST, c.dimension, c.figure_id
            LIMIT :size OFFSET :offset
            """;

    private static Mark mark(Object[] row) {
        return new Mark(Kind.values()[((Number) row[0]).intValue()], UUID.fromString((String) row[1]),
                Indicator.byCode((String) row[2]).orElseThrow(), Nature.valueOf((String) row[3]),
                PeriodKind.valueOf((String) row[4]), row[5] == null ? null : LocalDate.parse((String) row[5]),
                LocalDate.parse((String) row[6]), (String) row[7],
                row[8] == null ? null : UUID.fromString((String) row[8]));
    }

    private final ClusterView clusters;

    DataQualityService(ClusterView clusters) {
        this.clusters = clusters;
    }

    /** One page of the concerns, ordered by cluster slug, indicator, nature, period end and kind. */
    @Transactional
    public Page<DataQualityConcern> list(PageRequest page) {
        EntityManager store = FundingFigure.getEntityManager();
        // the marks and the figures read for them come from one snapshot, even while figures are written
        store.createNativeQuery("SET TRANSACTION READ ONLY, ISOLATION LEVEL REPEATABLE READ").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = store.createNativeQuery(PAGE).setParameter("size", page.size())
                .setParameter("offset", (long) page.page() * page.size()).getResultList();
        long total = rows.isEmpty()
                ? ((Number) store.createNativeQuery("SELECT count(*) FROM data_quality_concern").getSingleResult())
                        .longValue()
                : ((Number) rows.get(0)[9]).longValue();
        return new Page<>(concerns(rows.stream().map(DataQualityService::mark).toList()), page.page(), page.size(),
                total);
    }

    /** The items of the concerns found, from the summary's own work on their indicators' figures. */
    private List<DataQualityConcern> concerns(List<Mark> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<UUID> clusterIds = found.stream().map(Mark::clusterId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> codes = found.stream().map(f -> f.indicator().code()).collect(Collectors.toSet());
        Set<String> series = found.stream().map(Mark::series).collect(Collectors.toSet());
        Map<String, List<FundingFigure>> figures = FundingFigure.<FundingFigure> list(
                "clusterId in ?1 and indicator in ?2", clusterIds, codes).stream()
                .filter(f -> series.contains(f.clusterId + "|" + f.indicator))
                .collect(Collectors.groupingBy(f -> f.clusterId + "|" + f.indicator));
        Map<String, IndicatorFunding> fundings = figures.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey,
                e -> FundingSummaryService.indicator(e.getValue().get(0).indicator(), e.getValue())));
        Map<UUID, KnownCluster> known = clusters.byIds(clusterIds);
        List<DataQualityConcern> concerns = new ArrayList<>();
        for (Mark concern : found) {
            IndicatorFunding funding = fundings.get(concern.series());
            Optional<DataQualityConcern> item = funding == null ? Optional.empty()
                    : concern.kind() == Kind.IMPLAUSIBLE_JUMP ? jump(concern, funding, known.get(concern.clusterId()))
                    : conflict(concern, funding, known.get(concern.clusterId()));
            if (item.isPresent()) {
                concerns.add(item.get());
            } else {
                LOG.warnf("data-quality mark %s is not in the summary's own reading; left out", concern);
            }
        }
        return concerns;
    }

    /** The flagged report of the series and the report it jumped from. */
    private static Optional<DataQualityConcern> jump(Mark found, IndicatorFunding funding, KnownCluster cluster) {
        Optional<Report> jumped = funding.series().stream()
                .filter(r -> r.figureId().equals(found.figureId()) && r.implausibleJump()).findFirst();
        Optional<Report> previous = jumped.flatMap(j -> funding.series().stream()
                .filter(r -> r.figureId().equals(j.change().previousFigureId())).findFirst());
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DataQualityConcern(Kind.IMPLAUSIBLE_JUMP, found.clusterId(), cluster,
                found.indicator(), Nature.ACTUAL, jumped.get().period(),
                List.of(ConflictingReport.of(previous.get()), ConflictingReport.of(jumped.get()))));
    }

    /** The summary's conflict of the same nature, period and dimension. */
    private static Optional<DataQualityConcern> conflict(Mark found, IndicatorFunding funding, KnownCluster cluster) {
        return funding.conflicts().stream()
                .filter(c -> found.marks(Kind.CONFLICT, c.nature(), c.period(), c.reports().get(0).value()))
                .findFirst().map(c -> new DataQualityConcern(Kind.CONFLICT, found.clusterId(), cluster,
                        found.indicator(), c.nature(), c.period(), c.reports()));
    }
}
