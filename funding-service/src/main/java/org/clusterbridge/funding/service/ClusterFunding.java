package org.clusterbridge.funding.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.domain.FigureSnapshot.Dates;
import org.clusterbridge.funding.domain.FigureSnapshot.SourceEntry;
import org.clusterbridge.funding.domain.FigureSnapshot.Value;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.domain.Nature;

/**
 * What a cluster reported, per indicator, as {@link FundingSummaryService} works it out. {@code cluster} is null
 * when the cluster view does not know the cluster its figures name.
 */
public record ClusterFunding(UUID clusterId, KnownCluster cluster, List<IndicatorFunding> indicators) {

    /**
     * One indicator: the actual reports in series order, the targets against them, totals per dimension, and the
     * periods whose reports disagree.
     */
    public record IndicatorFunding(Indicator indicator, List<Report> series, List<Progress> targets,
            List<Total> totals, List<Conflict> conflicts) {

        /** The actual report with the latest period end, or null. */
        public Report latestActual() {
            return series.isEmpty() ? null : series.get(series.size() - 1);
        }

        /** Whether any report jumped implausibly from the one before. */
        public boolean plausibilityFlag() {
            return series.stream().anyMatch(Report::implausibleJump);
        }
    }

    /** An actual report and how it changed from the previous one of its dimension (null for the first). */
    public record Report(UUID figureId, long version, Value value, Dates period, SourceEntry source, Change change) {

        public boolean implausibleJump() {
            return change != null && change.implausible();
        }
    }

    /** The difference (exact) and ratio (4 decimals, null from zero) from the previous report. */
    public record Change(UUID previousFigureId, Value previous, String difference, String ratio,
            boolean implausible) {
    }

    /** A target and what the actual reports add up to against its period ({@code achieved} null when none). */
    public record Progress(UUID figureId, Value target, Dates period, SourceEntry source, Value achieved,
            String percent, List<UUID> basedOn, LocalDate achievedAsOf, boolean reached) {
    }

    /**
     * Reports of one nature and period whose values differ across sources: every report of that period and
     * dimension (counts, or one currency), in series order.
     */
    public record Conflict(Nature nature, Dates period, List<ConflictingReport> reports) {
    }

    /** One of the reports of a conflict (or of a jump), with its period and the source that gives its value. */
    public record ConflictingReport(UUID figureId, Value value, Dates period, SourceEntry source) {

        static ConflictingReport of(Report report) {
            return new ConflictingReport(report.figureId(), report.value(), report.period(), report.source());
        }
    }

    /** The sum of one dimension's span figures: a count, or an amount in {@code currency}. */
    public record Total(Long count, String amount, String currency, int figures) {
    }
}
