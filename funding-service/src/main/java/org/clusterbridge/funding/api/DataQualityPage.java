package org.clusterbridge.funding.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.api.Page;
import org.clusterbridge.funding.api.FundingFigureResponse.PeriodView;
import org.clusterbridge.funding.api.FundingSummary.ConflictingReport;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.service.DataQualityConcern;
import org.clusterbridge.funding.service.DataQualityConcern.Kind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the data-quality list: the summaries' plausibility flags and conflicts, registry-wide. */
public record DataQualityPage(
        @Schema(required = true) List<DataQualityItem> items,
        @Schema(required = true, description = "The page number, from 0") int page,
        @Schema(required = true, description = "The page size asked for") int size,
        @Schema(required = true, minimum = "0", description = "Concerns over all pages") long total,
        @Schema(required = true, description = "Always true: the total is counted, never estimated")
        boolean totalExact) {

    static DataQualityPage of(Page<DataQualityConcern> page) {
        return new DataQualityPage(page.items().stream().map(DataQualityItem::of).toList(), page.page(),
                page.size(), page.total(), page.totalExact());
    }

    /** A plausibility flag or a conflict of one cluster's funding summary, with the reports and their sources. */
    public record DataQualityItem(
            @Schema(required = true, description = "IMPLAUSIBLE_JUMP: a report more than 5 times up or down from "
                    + "the previous one (the summary's plausibilityFlag); CONFLICT: reports of one period whose "
                    + "sources give different values (the summary's conflicts)") Kind kind,
            @Schema(required = true) UUID clusterId,
            @Schema(description = "The cluster's slug; null when the cluster view does not know the cluster")
            String slug,
            @Schema(description = "The cluster's current names, from the cluster view") Map<String, String> clusterNames,
            @Schema(required = true, example = "total-investment") String indicator,
            @Schema(required = true, description = "The indicator's names by language (en, ja)")
            Map<String, String> indicatorNames,
            @Schema(required = true) Nature nature,
            @Schema(required = true, description = "The period of the report that jumped, or of the conflict")
            PeriodView period,
            @Schema(required = true, description = "IMPLAUSIBLE_JUMP: the previous report, then the one that "
                    + "jumped; CONFLICT: every report of that nature, period and currency (or count), in series order")
            List<ConflictingReport> reports) {

        static DataQualityItem of(DataQualityConcern concern) {
            KnownCluster cluster = concern.cluster();
            return new DataQualityItem(concern.kind(), concern.clusterId(), cluster == null ? null : cluster.slug(),
                    cluster == null ? null : cluster.names(), concern.indicator().code(), concern.indicator().names(),
                    concern.nature(), PeriodView.of(concern.period()),
                    concern.reports().stream().map(ConflictingReport::of).toList());
        }
    }
}
