package org.clusterbridge.funding.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.domain.PeriodReader;
import org.clusterbridge.funding.domain.Qualifier;
import org.clusterbridge.funding.domain.SourceDocument;
import org.clusterbridge.funding.service.FigureReport;
import org.clusterbridge.funding.service.FigureReport.ReportedFunder;
import org.clusterbridge.funding.service.FigureReport.ReportedValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A figure as a partner reports it ({@code POST}) or corrects it ({@code PUT}). A representation read back may be
 * sent as it is: its read-only fields are ignored, any other unknown field is refused.
 */
// exactly the read-only fields of FundingFigureResponse; the writable ones have the same names and shapes here
@JsonIgnoreProperties({ "id", "unit", "version", "recordedAt", "createdBy", "updatedAt", "updatedBy" })
public record FundingFigureRequest(
        @NotNull UUID clusterId,
        @NotBlank @Size(max = 60) @Schema(description = "Indicator code from GET /api/indicators", example = "total-investment") String indicator,
        @NotNull Nature nature,
        @NotNull @Valid Value value,
        @NotNull @Valid PeriodInput period,
        @Size(max = 50) List<@NotNull @Valid FunderInput> funders,
        @NotNull @Valid SourceInput source,
        @Size(max = 4000) String note) {

    /** The report the service reads; the texts stay as given. */
    public FigureReport report() {
        return new FigureReport(clusterId, indicator, nature,
                new ReportedValue(value.count(), value.amount(), value.currency(), value.qualifier()),
                period.input(),
                funders == null ? null : funders.stream()
                        .map(f -> new ReportedFunder(f.name(), f.description(), f.amount(), f.currency())).toList(),
                new SourceDocument(source.title(), source.publisher(), source.language(), source.publishedOn(),
                        source.url()),
                note);
    }

    /** A count ({@code {"count": 305}}) or an amount with its currency; numbers may be strings, never rounded. */
    public record Value(
            @Schema(type = SchemaType.INTEGER, minimum = "0", example = "305") BigDecimal count,
            @Schema(type = SchemaType.STRING, description = "Exact decimal, as a string (or a JSON number, read exactly)", example = "1900000000") BigDecimal amount,
            @Schema(description = "ISO 4217 code", example = "EUR") String currency,
            @Schema(description = "How the source states the value; EXACT when left out") Qualifier qualifier) {
    }

    /**
     * AS_OF: {@code date}. CUMULATIVE_SINCE: {@code since} (year, month or day) and {@code asOf}. SPAN: {@code start}
     * and {@code end}, or {@code fiscalYears} (Japanese fiscal years, April to March).
     */
    public record PeriodInput(
            PeriodKind kind,
            @Schema(format = "date") String date,
            @Schema(description = "A year (2005), a month (2005-01) or a date", example = "2005") String since,
            @Schema(format = "date") String asOf,
            @Schema(format = "date") String start,
            @Schema(format = "date") String end,
            @Valid FiscalYears fiscalYears) {

        PeriodReader.Input input() {
            return new PeriodReader.Input(kind, date, since, asOf, start, end,
                    fiscalYears == null ? null : fiscalYears.from(), fiscalYears == null ? null : fiscalYears.to(),
                    null);
        }
    }

    /** {@code {"from": "FY2013", "to": "FY2017"}}, {@code 平成25年度}-style labels, or one text "平成25～29年度". */
    public record FiscalYears(
            @Size(max = 40) @Schema(example = "FY2013") String from,
            @Size(max = 40) @Schema(example = "FY2017") String to) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public FiscalYears {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static FiscalYears of(String text) {
            return org.clusterbridge.funding.domain.FiscalYear.splitRange(text)
                    .map(parts -> new FiscalYears(parts[0], parts[1]))
                    .orElseGet(() -> new FiscalYears(text, text));
        }
    }

    public record FunderInput(
            @NotBlank @Size(max = 200) @Schema(example = "Bpifrance") String name,
            @Size(max = 500) String description,
            @Schema(type = SchemaType.STRING, description = "Exact decimal; with currency") BigDecimal amount,
            String currency) {
    }

    public record SourceInput(
            @NotBlank @Size(max = 1000) String title,
            @Size(max = 500) String publisher,
            // the pattern only documents the usual shape; the check is the platform's one BCP-47 rule
            @LanguageTag @Schema(pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$") String language,
            @Pattern(regexp = "^\\d{4}(-\\d{2}(-\\d{2})?)?$", message = "must be a year, a month (YYYY-MM) or a date (YYYY-MM-DD)") String publishedOn,
            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url) {
    }
}
