package org.clusterbridge.funding.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.funding.domain.FigureSnapshot.Dates;
import org.clusterbridge.funding.domain.FigureSnapshot.Value;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.service.ClusterFunding.Conflict;
import org.clusterbridge.funding.service.ClusterFunding.IndicatorFunding;
import org.clusterbridge.funding.service.ClusterFunding.Report;
import org.clusterbridge.funding.service.DataQualityConcern.Kind;
import org.hibernate.query.NativeQuery;

/**
 * The marks of the data-quality list ({@code data_quality_concern}): a series' plausibility flags and conflicts as
 * {@link FundingSummaryService} works them out, rewritten in the transaction of every write of one of its figures.
 */
@ApplicationScoped
public class DataQualityMarks {

    /** A concern by its keys in the list's order, and the figure that jumped (null for a conflict). */
    record Mark(Kind kind, UUID clusterId, Indicator indicator, Nature nature, PeriodKind periodKind,
            LocalDate periodStart, LocalDate periodEnd, String dimension, UUID figureId) {

        String series() {
            return clusterId + "|" + indicator.code();
        }

        /** Whether a concern of the summary's own reading is this one. */
        boolean marks(Kind kind, Nature nature, Dates period, Value value) {
            return this.kind == kind && this.nature == nature && periodKind == period.kind()
                    && Objects.equals(periodStart, period.start()) && periodEnd.equals(period.end())
                    && dimension.equals(dimension(value));
        }

        /** A value's dimension as the marks store it: its currency, or empty for a count. */
        static String dimension(Value value) {
            return value.currency() == null ? "" : value.currency();
        }
    }

    /**
     * Rewrites the marks of the series of {@code indicators} (codes, repeats allowed) of a cluster from their
     * figures as this transaction sees them (flushed). A lock per series makes concurrent writes to one series take
     * turns, so that the later one reads the figures of the earlier, committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mark(UUID clusterId, String... indicators) {
        EntityManager store = FundingFigure.getEntityManager();
        store.flush();
        // sorted: two writers lock the series of a correction that moves a figure in the same order
        for (String code : new TreeSet<>(List.of(indicators))) {
            store.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:series, 0)))"
                    + " AS locked")
                    .setParameter("series", "data-quality|" + clusterId + "|" + code).getSingleResult();
        }
        for (String code : new TreeSet<>(List.of(indicators))) {
            Indicator indicator = Indicator.byCode(code).orElseThrow();
            store.createNativeQuery(
                    "DELETE FROM data_quality_concern WHERE cluster_id = :cluster AND indicator = :code")
                    .setParameter("cluster", clusterId).setParameter("code", code).executeUpdate();
            List<FundingFigure> figures = FundingFigure.list("clusterId = ?1 and indicator = ?2", clusterId, code);
            for (Mark mark : marks(clusterId, indicator, figures)) {
                store.createNativeQuery("""
                        INSERT INTO data_quality_concern (cluster_id, indicator, kind, nature, period_kind,
                            period_start, period_end, dimension, figure_id)
                        VALUES (:cluster, :code, :kind, :nature, :periodKind, :periodStart, :periodEnd, :dimension,
                            :figure)
                        """).unwrap(NativeQuery.class).setParameter("cluster", clusterId).setParameter("code", code)
                        .setParameter("kind", (short) mark.kind().ordinal())
                        .setParameter("nature", mark.nature().name())
                        .setParameter("periodKind", mark.periodKind().name())
                        .setParameter("periodStart", mark.periodStart(), LocalDate.class)
                        .setParameter("periodEnd", mark.periodEnd())
                        .setParameter("dimension", mark.dimension())
                        .setParameter("figure", mark.figureId(), UUID.class)
                        .executeUpdate();
            }
        }
    }

    /** The concerns of one series, by the summary's rules. */
    static List<Mark> marks(UUID clusterId, Indicator indicator, List<FundingFigure> figures) {
        if (figures.isEmpty()) {
            return List.of();
        }
        IndicatorFunding funding = FundingSummaryService.indicator(indicator, figures);
        List<Mark> marks = new ArrayList<>();
        for (Report report : funding.series()) {
            if (report.implausibleJump()) {
                marks.add(new Mark(Kind.IMPLAUSIBLE_JUMP, clusterId, indicator, Nature.ACTUAL,
                        report.period().kind(), report.period().start(), report.period().end(),
                        Mark.dimension(report.value()), report.figureId()));
            }
        }
        for (Conflict conflict : funding.conflicts()) {
            marks.add(new Mark(Kind.CONFLICT, clusterId, indicator, conflict.nature(), conflict.period().kind(),
                    conflict.period().start(), conflict.period().end(),
                    Mark.dimension(conflict.reports().get(0).value()), null));
        }
        return marks;
    }
}
