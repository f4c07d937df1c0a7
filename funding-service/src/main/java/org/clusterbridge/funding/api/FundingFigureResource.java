package org.clusterbridge.funding.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.Problem;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.security.Caller;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.service.FundingFigureService;
import org.clusterbridge.funding.service.FundingFigureService.Filter;
import org.clusterbridge.rules.IdOrSlug;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Figures: record, list, read, correct (a new version) and the history of their versions. */
@Path("/api/funding-figures")
@Tag(name = "Funding figures")
@Produces(MediaType.APPLICATION_JSON)
public class FundingFigureResource {

    /** A version of a figure, what made it and who (null for versions made before auditing began). */
    public record VersionEntry(long version, String change, Instant recordedAt, String recordedBy,
            FundingFigureResponse figure) {
    }

    private final FundingFigureService figures;
    private final Caller caller;

    FundingFigureResource(FundingFigureService figures, Caller caller) {
        this.figures = figures;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a reported figure (409 when the same report is already recorded)")
    public Response record(@NotNull @Valid FundingFigureRequest request) {
        FundingFigureResponse created = FundingFigureResponse.of(figures.record(request.report(), caller.actor()));
        return Response.created(URI.create("/api/funding-figures/" + created.id())).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "List figures; from/to bound the period end (the date a figure refers to)")
    public Page<FundingFigureResponse> list(
            @QueryParam("clusterId") @Parameter(description = "Cluster id or slug") String clusterId,
            @QueryParam("indicator") String indicator,
            @QueryParam("nature") @Parameter(description = "ACTUAL or TARGET") String nature,
            @QueryParam("from") @Parameter(description = "Period end on or after (YYYY-MM-DD)") String from,
            @QueryParam("to") @Parameter(description = "Period end on or before (YYYY-MM-DD)") String to,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2 country of the cluster") String country,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var pageRequest = QueryParams.page(page, size);
        boolean byCluster = clusterId != null && !clusterId.isBlank();
        UUID cluster = byCluster ? figures.clusterId(IdOrSlug.parameter("clusterId", clusterId)).orElse(null) : null;
        var filter = new Filter(cluster, indicator(indicator),
                QueryParams.enumValue(Nature.class, "nature", nature), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.country("country", country));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw DomainException.invalid("to", "must not be before from");
        }
        if (byCluster && cluster == null) {
            // a slug no cluster holds: no figure can match
            return new Page<>(List.of(), pageRequest.page(), pageRequest.size(), 0);
        }
        return figures.list(filter, pageRequest).map(FundingFigureResponse::of);
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Operation(summary = "A figure in its current version; ETag is its version")
    public Response get(@PathParam("id") String id) {
        FundingFigureResponse figure = FundingFigureResponse.of(figures.get(figureId(id)));
        return Response.ok(figure).tag(Versions.etag(figure.version())).build();
    }

    @PUT
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a figure: a new version, the earlier ones stay in its history. Needs If-Match")
    @APIResponse(responseCode = "200", description = "The corrected figure; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FundingFigureResponse.class)))
    @APIResponse(responseCode = "403", description = "The token lacks registry-editor, or the figure was reported by "
            + "someone else: only registry-admin corrects others' figures",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The version read (ETag)") String ifMatch,
            @NotNull @Valid FundingFigureRequest request) {
        long expected = Versions.expected(ifMatch);
        FundingFigureResponse figure = FundingFigureResponse.of(figures.correct(figureId(id), expected,
                request.report(), caller.actor()));
        return Response.ok(figure).tag(Versions.etag(figure.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}/history")
    @Operation(summary = "Every version of a figure, oldest first")
    public List<VersionEntry> history(@PathParam("id") String id) {
        return figures.history(figureId(id)).stream().map(version -> new VersionEntry(version.version(),
                version.change(), version.recordedAt(), version.recordedBy(), FundingFigureResponse.of(version.figure())))
                .toList();
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
