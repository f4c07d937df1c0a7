package org.clusterbridge.funding.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.funding.api.FundingFigureResponse.PeriodView;
import org.clusterbridge.funding.api.FundingFigureResponse.SourceView;
import org.clusterbridge.funding.api.FundingFigureResponse.ValueView;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.Unit;
import org.clusterbridge.funding.service.ClusterFunding;
import org.clusterbridge.funding.service.ClusterFunding.IndicatorFunding;
import org.clusterbridge.funding.service.ClusterFunding.Progress;
import org.clusterbridge.funding.service.ClusterFunding.Report;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a cluster reported, per indicator: latest value, the series behind it, and progress against targets. */
public record FundingSummary(
        @Schema(required = true) UUID clusterId,
        @Schema(description = "The cluster's slug; null when the cluster view does not know the cluster") String slug,
        @Schema(description = "The cluster's current names, from the cluster view") Map<String, String> clusterNames,
        String country,
        String status,
        @Schema(required = true) List<IndicatorSummary> indicators) {

    public static FundingSummary of(ClusterFunding funding) {
        KnownCluster cluster = funding.cluster();
        return new FundingSummary(funding.clusterId(), cluster == null ? null : cluster.slug(),
                cluster == null ? null : cluster.names(), cluster == null ? null : cluster.country(),
                cluster == null ? null : cluster.status(),
                funding.indicators().stream().map(IndicatorSummary::of).toList());
    }

    public record IndicatorSummary(
            @Schema(required = true) String indicator,
            @Schema(required = true) Map<String, String> names,
            @Schema(required = true) Unit unit,
            @Schema(description = "The actual report with the latest period end (when sources of that period disagree, the last in series order: see conflicts)") SeriesPoint latestActual,
            @Schema(description = "Change of the latest actual from the previous report (earlier period end, same currency)") Change change,
            @Schema(required = true, description = "Every actual report, oldest period first; newer reports never replace older ones") List<SeriesPoint> series,
            @Schema(required = true) List<TargetProgress> targets,
            @Schema(required = true, description = "Per currency (or count): the sum of actual SPAN figures, one per period, without overlaps; never adds currencies together") List<Total> totals,
            @Schema(required = true, description = "True when consecutive reports differ more than 5 times") boolean plausibilityFlag,
            @Schema(required = true, description = "Periods whose reports (same nature) differ across sources; "
                    + "empty when every source agrees. Both figures stay in the series and targets")
            List<Conflict> conflicts) {

        static IndicatorSummary of(IndicatorFunding funding) {
            SeriesPoint latest = SeriesPoint.of(funding.latestActual());
            return new IndicatorSummary(funding.indicator().code(), funding.indicator().names(),
                    funding.indicator().unit(), latest, latest == null ? null : latest.changeFromPrevious(),
                    funding.series().stream().map(SeriesPoint::of).toList(),
                    funding.targets().stream().map(TargetProgress::of).toList(),
                    funding.totals().stream().map(t -> new Total(t.count(), t.amount(), t.currency(), t.figures()))
                            .toList(),
                    funding.plausibilityFlag(), funding.conflicts().stream().map(Conflict::of).toList());
        }
    }

    /** Reports of one nature and period whose sources give different values (counts, or one currency). */
    public record Conflict(
            @Schema(required = true) Nature nature,
            @Schema(required = true) PeriodView period,
            @Schema(required = true, description = "Every report of that nature, period and dimension, the agreeing ones included, in series order (publication date, then recording)")
            List<ConflictingReport> reports) {

        static Conflict of(ClusterFunding.Conflict conflict) {
            return new Conflict(conflict.nature(), PeriodView.of(conflict.period()), conflict.reports().stream()
                    .map(ConflictingReport::of).toList());
        }
    }

    /** One report of a conflict (or of a jump): the figure, its value, its period and the document that gives it. */
    public record ConflictingReport(
            @Schema(required = true) UUID figureId,
            @Schema(required = true) ValueView value,
            @Schema(required = true) PeriodView period,
            @Schema(required = true) SourceView source) {

        static ConflictingReport of(ClusterFunding.ConflictingReport report) {
            return new ConflictingReport(report.figureId(), ValueView.of(report.value()),
                    PeriodView.of(report.period()), SourceView.of(report.source()));
        }
    }

    public record SeriesPoint(
            @Schema(required = true) UUID figureId,
            @Schema(required = true) long version,
            @Schema(required = true) ValueView value,
            @Schema(required = true) PeriodView period,
            @Schema(required = true) SourceView source,
            @Schema(description = "null for the first report of its currency (or count)") Change changeFromPrevious,
            @Schema(required = true) boolean implausibleJump) {

        static SeriesPoint of(Report report) {
            return report == null ? null
                    : new SeriesPoint(report.figureId(), report.version(), ValueView.of(report.value()),
                            PeriodView.of(report.period()), SourceView.of(report.source()),
                            Change.of(report.change()), report.implausibleJump());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(
            @Schema(required = true) UUID previousFigureId,
            @Schema(required = true) ValueView previous,
            @Schema(required = true, description = "Current minus previous, exact") String difference,
            @Schema(description = "Current divided by previous, 4 decimals; absent when previous is 0") String ratio,
            @Schema(required = true) boolean implausible) {

        static Change of(ClusterFunding.Change change) {
            return change == null ? null
                    : new Change(change.previousFigureId(), ValueView.of(change.previous()), change.difference(),
                            change.ratio(), change.implausible());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetProgress(
            @Schema(required = true) UUID figureId,
            @Schema(required = true) ValueView target,
            @Schema(required = true) PeriodView period,
            @Schema(required = true) SourceView source,
            @Schema(description = "What the actual reports add up to against the target's period; absent when none") ValueView achieved,
            @Schema(description = "achieved / target x 100, 1 decimal; absent when nothing is achieved yet")
            String percent,
            @Schema(required = true, description = "The actual figures achieved is made of") List<UUID> basedOn,
            @Schema(description = "The latest period end among basedOn") LocalDate achievedAsOf,
            @Schema(required = true) boolean reached) {

        static TargetProgress of(Progress progress) {
            return new TargetProgress(progress.figureId(), ValueView.of(progress.target()),
                    PeriodView.of(progress.period()), SourceView.of(progress.source()),
                    ValueView.of(progress.achieved()), progress.percent(), progress.basedOn(),
                    progress.achievedAsOf(), progress.reached());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Total(Long count, @Schema(description = "Exact decimal sum, with currency") String amount,
            String currency, @Schema(required = true, description = "How many figures the sum adds") int figures) {
    }
}
