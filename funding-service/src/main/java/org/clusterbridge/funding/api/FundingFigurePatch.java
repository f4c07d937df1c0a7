package org.clusterbridge.funding.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.api.FundingFigureRequest.FiscalYears;
import org.clusterbridge.funding.api.FundingFigureRequest.FunderInput;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.domain.Qualifier;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a merge patch of a figure (never read: the patch is applied as JSON). The writable fields
 * of {@link FundingFigureRequest}, none required, since a patch names only what changes. The fields a patch may
 * remove are nullable, so that generated clients leave out what is not set and send null only when told to.
 */
@Schema(description = "JSON Merge Patch (RFC 7396) of a figure: the fields to change; null removes an optional "
        + "field, objects merge, arrays are replaced. The result is validated like a correction (PUT).")
public record FundingFigurePatch(
        UUID clusterId,
        @Schema(description = "Indicator code from GET /api/indicators", example = "total-investment") String indicator,
        Nature nature,
        ValuePatch value,
        PeriodPatch period,
        @Schema(nullable = true, description = "Replaces every funder; null removes them") List<FunderInput> funders,
        SourcePatch source,
        @Schema(nullable = true) String note) {

    /** The value fields to change: null removes a count to give an amount, or the reverse. */
    public record ValuePatch(
            @Schema(type = SchemaType.INTEGER, minimum = "0", nullable = true) BigDecimal count,
            @Schema(type = SchemaType.STRING, nullable = true, description = "Exact decimal, as a string")
            BigDecimal amount,
            @Schema(nullable = true, description = "ISO 4217 code") String currency,
            Qualifier qualifier) {
    }

    /** The period fields to change; null removes those the new period does not use. */
    public record PeriodPatch(
            PeriodKind kind,
            @Schema(format = "date", nullable = true) String date,
            @Schema(nullable = true, description = "A year (2005), a month (2005-01) or a date") String since,
            @Schema(format = "date", nullable = true) String asOf,
            @Schema(format = "date", nullable = true) String start,
            @Schema(format = "date", nullable = true) String end,
            @Schema(nullable = true) FiscalYears fiscalYears) {
    }

    /** The source fields to change; a title stays required in the result. */
    public record SourcePatch(
            String title,
            @Schema(nullable = true) String publisher,
            @Schema(nullable = true) String language,
            @Schema(nullable = true) String publishedOn,
            @Schema(nullable = true) String url) {
    }
}
