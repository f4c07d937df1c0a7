package org.clusterbridge.funding.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.domain.Qualifier;
import org.clusterbridge.funding.domain.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A figure as stored, in its current version; also the data of funding-figure events. */
public record FundingFigureResponse(
        UUID id,
        UUID clusterId,
        String indicator,
        Unit unit,
        Nature nature,
        ValueView value,
        PeriodView period,
        List<FunderView> funders,
        SourceView source,
        String note,
        long version,
        Instant recordedAt,
        @Schema(description = "Who recorded the figure (token subject); null if recorded before auditing began")
        String createdBy,
        Instant updatedAt,
        @Schema(description = "Who made the current version (token subject)")
        String updatedBy) {

    /** {@code count}, or {@code amount} (a decimal string) with {@code currency}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValueView(
            Long count,
            @Schema(description = "Exact decimal amount as a string", example = "1900000000") String amount,
            String currency,
            Qualifier qualifier) {
    }

    /** {@code kind}, {@code start} (null for AS_OF) and {@code end} always; the fields the period was given with besides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeriodView(
            PeriodKind kind,
            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate start,
            LocalDate end,
            LocalDate date,
            @Schema(description = "A year, month or date as the source gave it", example = "2005") String since,
            LocalDate asOf,
            FiscalYearsView fiscalYears) {
    }

    public record FiscalYearsView(@Schema(example = "FY2013") String from, @Schema(example = "FY2017") String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunderView(String name, String description, String amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(String title, String publisher, String language, String publishedOn, String url) {
    }
}
