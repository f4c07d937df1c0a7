package org.clusterbridge.funding.api;

import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.api.Facets;
import org.clusterbridge.api.MergePatch;
import org.clusterbridge.api.Page;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.export.Iterators;
import org.clusterbridge.api.export.ListExport;
import org.clusterbridge.api.export.ListFormat;
import org.clusterbridge.api.security.Caller;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.funding.domain.FundingFigureVersion;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.service.FigureSearch;
import org.clusterbridge.funding.service.FigureSearch.Filter;
import org.clusterbridge.funding.service.FundingFigureService;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.IdOrSlug;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Figures: record, list, read, correct (a new version, by PUT or merge patch) and the history of their versions. */
@Path("/api/funding-figures")
@Tag(name = "Funding figures")
@Produces(MediaType.APPLICATION_JSON)
public class FundingFigureResource {

    /** A version of a figure, what made it and who (null for versions made before auditing began). */
    public record VersionEntry(
            @Schema(required = true) long version,
            @Schema(required = true, enumeration = { FundingFigureVersion.RECORDED, FundingFigureVersion.CORRECTED },
                    description = "What made this version") String change,
            @Schema(required = true) Instant recordedAt,
            @Schema(description = "Who made this version (token subject); null before auditing began")
            String recordedBy,
            @Schema(required = true, description = "The figure as this version left it") FundingFigureResponse figure) {
    }

    private final FundingFigureService figures;
    private final FigureSearch search;
    private final ListExport export;
    private final Caller caller;
    private final MergePatch patches;

    FundingFigureResource(FundingFigureService figures, FigureSearch search, ListExport export, Caller caller,
            MergePatch patches) {
        this.figures = figures;
        this.search = search;
        this.export = export;
        this.caller = caller;
        this.patches = patches;
    }

    @POST
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordFundingFigure",
            summary = "Record a reported figure (409 when the same report is already recorded)")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FundingFigureResponse.class)))
    @APIResponse(responseCode = "409", description = "The same report (cluster, indicator, nature, period and "
            + "source) is already recorded; correct that figure instead")
    @APIResponse(responseCode = "422", description = "The cluster is unknown to funding-service or retired")
    public Response record(@NotNull @Valid FundingFigureRequest request) {
        FundingFigureResponse created = FundingFigureResponse.of(figures.record(request.report(), caller.actor()));
        return Response.created(URI.create("/api/funding-figures/" + created.id())).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "listFundingFigures",
            summary = "List figures; from/to bound the period end (the date a figure refers to)")
    @Produces({ ListFormat.JSON_TYPE, ListFormat.CSV_TYPE, ListFormat.NDJSON_TYPE })
    @APIResponse(responseCode = "200", description = ListFormat.DESCRIPTION, content = {
            @Content(mediaType = ListFormat.JSON_TYPE, schema = @Schema(implementation = FundingFigurePage.class)),
            @Content(mediaType = ListFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ListFormat.NDJSON_TYPE,
                    schema = @Schema(implementation = FundingFigureResponse.class)) })
    public Response list(
            @QueryParam("clusterId") @Parameter(description = "Cluster id or slug") String clusterId,
            @QueryParam("indicator") @Parameter(description = "Indicator code from GET /api/indicators",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "projects-certified",
                            "products-launched", "total-investment", "public-funding", "commercialisations",
                            "companies-created", "jobs-created", "members", "private-funding", "cooperation-partners",
                            "overseas-cooperation-partners" })) String indicator,
            @QueryParam("nature") @Parameter(description = "ACTUAL or TARGET",
                    schema = @Schema(implementation = Nature.class)) String nature,
            @QueryParam("from") @Parameter(description = "Period end on or after (YYYY-MM-DD)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Period end on or before (YYYY-MM-DD)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2 country of the cluster, any case",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{2}$")) String country,
            @QueryParam("updatedSince") @Parameter(description = "Changed at or after this instant (updatedAt), "
                    + "for incremental sync; ISO-8601 with its offset, for example 2026-01-31T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String updatedSince,
            @QueryParam("page") @Parameter(description = "Page number, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "Page size, 1 to 200", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) String size,
            @QueryParam("facets") @Parameter(description = "Facets to count over all matches, comma-separated: any "
                    + "of indicator, nature, country (the cluster's); JSON only, ignored by CSV and NDJSON",
                    style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY,
                            implementation = FundingFigureFacet.class)) String facets,
            @Context HttpHeaders headers) {
        ListFormat format = ListFormat.of(headers);
        var pageRequest = QueryParams.page(page, size);
        IdOrSlug cluster = clusterId == null || clusterId.isBlank() ? null
                : IdOrSlug.parameter("clusterId", clusterId);
        var filter = new Filter(cluster, indicator(indicator),
                QueryParams.enumValue(Nature.class, "nature", nature), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.country("country", country),
                QueryParams.instant("updatedSince", updatedSince));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw DomainException.invalid("to", "must not be before from");
        }
        List<String> asked = Facets.parse(facets, FigureSearch.FACETS);
        if (format.streamed()) {
            Iterator<FundingFigureResponse> items = Iterators.map(search.export(filter), FundingFigureResponse::of);
            // no multilingual text in a figure: its CSV needs no languages
            return export.stream(format, FundingFigureResponse.class, () -> items, Set::of, "funding-figures");
        }
        Page<FundingFigureResponse> found = search.list(filter, pageRequest).map(FundingFigureResponse::of)
                .withFacets(Facets.count(asked, facet -> search.facet(filter, facet)));
        return Response.ok(FundingFigurePage.of(found)).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Operation(operationId = "getFundingFigure", summary = "A figure in its current version; ETag is its version")
    @APIResponse(responseCode = "200", description = "The figure; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FundingFigureResponse.class)))
    public Response get(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String id) {
        FundingFigureResponse figure = FundingFigureResponse.of(figures.get(figureId(id)));
        return Response.ok(figure).tag(Versions.etag(figure.version())).build();
    }

    @PUT
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctFundingFigure",
            summary = "Correct a figure: a new version, the earlier ones stay in its history. Needs If-Match",
            description = "The body may be the representation as read: its read-only fields (id, unit, version, "
                    + "recordedAt, createdBy, updatedAt, updatedBy) are ignored, and its period's derived dates are "
                    + "accepted when they agree with the rest of the period.")
    @APIResponse(responseCode = "200", description = "The corrected figure; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FundingFigureResponse.class)))
    @APIResponse(responseCode = "403", description = "The token lacks registry-editor, or the figure was reported by "
            + "someone else: only registry-admin corrects others' figures")
    @APIResponse(responseCode = "409", description = "The correction would repeat another recorded report")
    public Response correct(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = "The version read (ETag)")
            String ifMatch,
            @NotNull @Valid FundingFigureRequest request) {
        long expected = Versions.expected(ifMatch);
        return corrected(figureId(id), expected, request);
    }

    @PATCH
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    // No @Consumes: MergePatch.read checks the media type once the token is (see there).
    @Operation(operationId = "patchFundingFigure",
            summary = "Correct some fields of a figure (JSON Merge Patch): a new version, as PUT. Needs If-Match",
            description = "The patch applies to the figure as read, its period by the fields it is written with "
                    + "(date; since and asOf; start and end; or fiscalYears), so changing one of them alone does "
                    + "not contradict the derived dates. null removes an optional field. The result is validated "
                    + "and stored like a PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = FundingFigurePatch.class)))
    public Response patch(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = "The version read (ETag)")
            String ifMatch,
            @Context HttpHeaders headers, String patch) throws JsonProcessingException {
        JsonNode changes = patches.read(headers, patch);
        long expected = Versions.expected(ifMatch);
        UUID figureId = figureId(id);
        FundingFigureResponse current = FundingFigureResponse.of(figures.get(figureId));
        FundingFigureRequest request = patches.update(current.patchTarget(), current.version(), expected, changes,
                FundingFigureRequest.class);
        return corrected(figureId, expected, request);
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}/history")
    @Operation(operationId = "getFundingFigureHistory", summary = "Every version of a figure, oldest first")
    public List<VersionEntry> history(@PathParam("id")
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        return figures.history(figureId(id)).stream().map(version -> new VersionEntry(version.version(),
                version.change(), version.recordedAt(), version.recordedBy(), FundingFigureResponse.of(version.figure())))
                .toList();
    }

    /** PUT and PATCH store their correction the same way: one new version, one event. */
    private Response corrected(UUID id, long expected, FundingFigureRequest request) {
        FundingFigureResponse figure = FundingFigureResponse.of(figures.correct(id, expected, request.report(),
                caller.actor()));
        return Response.ok(figure).tag(Versions.etag(figure.version())).build();
    }

    private static UUID figureId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("funding figure", id);
        }
    }

    private static Indicator indicator(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Indicator.byCode(code.trim()).orElseThrow(() -> DomainException.invalid("indicator",
                "unknown indicator \"" + code + "\"; known: " + Indicator.codes()));
    }
}
