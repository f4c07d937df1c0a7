package org.clusterbridge.cluster.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.MergePatch;
import org.clusterbridge.api.Facets;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.export.Iterators;
import org.clusterbridge.api.export.ListExport;
import org.clusterbridge.api.export.ListFormat;
import org.clusterbridge.api.security.Caller;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.cluster.domain.ClusterDetails;
import org.clusterbridge.cluster.domain.ClusterKind;
import org.clusterbridge.cluster.domain.ClusterStatus;
import org.clusterbridge.cluster.domain.FocusAreaTaxonomy;
import org.clusterbridge.cluster.service.ClusterFilter;
import org.clusterbridge.cluster.service.ClusterProfiles;
import org.clusterbridge.cluster.service.ClusterSearch;
import org.clusterbridge.cluster.service.ClusterService;
import org.clusterbridge.cluster.service.StoredCluster;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** The cluster registry over HTTP: clusters are addressed by id or by slug. */
@Path("/api/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private final ClusterService clusters;
    private final ClusterProfiles profiles;
    private final Caller caller;
    private final MergePatch patches;
    private final ClusterSearch search;
    private final ListExport export;

    ClusterResource(ClusterService clusters, ClusterProfiles profiles, Caller caller, MergePatch patches,
            ClusterSearch search, ListExport export) {
        this.clusters = clusters;
        this.search = search;
        this.export = export;
        this.profiles = profiles;
        this.caller = caller;
        this.patches = patches;
    }

    @POST
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerCluster",
            summary = "Register a cluster, alliance, association, foundation or public body")
    @APIResponse(responseCode = "201", description = "Registered; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClusterState.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "An alliance member does not exist, is retired or is an alliance")
    public RestResponse<ClusterState> register(@Valid @NotNull ClusterDetails details, UriInfo uri) {
        ClusterState created = ClusterState.of(clusters.register(details, caller.actor()));
        URI location = uri.getBaseUriBuilder().path("api/clusters").path(created.id().toString()).build();
        return RestResponse.ResponseBuilder.<ClusterState> created(location).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Produces({ ListFormat.JSON_TYPE, ListFormat.CSV_TYPE, ListFormat.NDJSON_TYPE })
    @Operation(operationId = "listClusters", summary = "List clusters, sorted by English name")
    @APIResponse(responseCode = "200", description = ListFormat.DESCRIPTION, content = {
            @Content(mediaType = ListFormat.JSON_TYPE, schema = @Schema(implementation = ClusterPage.class)),
            @Content(mediaType = ListFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ListFormat.NDJSON_TYPE, schema = @Schema(implementation = ClusterState.class)) })
    public Response list(
            @Parameter(description = "ISO 3166-1 alpha-2 country code") @QueryParam("country") String country,
            @Parameter(schema = @Schema(implementation = ClusterKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "focus-area code, see /api/focus-areas") @QueryParam("focusArea") String focusArea,
            @Parameter(schema = @Schema(implementation = ClusterStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "part of a name in any language or of the acronym; case and accents are ignored")
            @QueryParam("q") String q,
            @Parameter(description = "only clusters changed at or after this instant (updatedAt), for incremental "
                    + "sync; ISO-8601 with its offset, for example 2026-01-31T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "page number from 0", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size,
            @Parameter(description = "facets to count over all matches, comma-separated: any of country, kind, "
                    + "focusArea, status (JSON only)", explode = Explode.FALSE, schema = @Schema(
                            type = SchemaType.ARRAY, implementation = ClusterFacet.class))
            @QueryParam("facets") String facets,
            @Context HttpHeaders headers) {
        ListFormat format = ListFormat.of(headers);
        String countryCode = QueryParams.country("country", country);
        if (focusArea != null && !focusArea.isBlank() && !FocusAreaTaxonomy.contains(focusArea.trim())) {
            throw DomainException.invalid("focusArea", "unknown focus area \"" + focusArea
                    + "\"; see GET /api/focus-areas");
        }
        if (q != null && q.length() > 200) {
            throw DomainException.invalid("q", "must be at most 200 characters");
        }
        ClusterFilter filter = new ClusterFilter(countryCode, QueryParams.enumValue(ClusterKind.class, "kind",
                kind), blankToNull(focusArea), QueryParams.enumValue(ClusterStatus.class, "status", status),
                blankToNull(q), QueryParams.instant("updatedSince", updatedSince));
        PageRequest pageRequest = QueryParams.page(page, size);
        List<String> asked = Facets.parse(facets, ClusterSearch.FACET_NAMES);
        if (format.streamed()) {
            return export.stream(format, ClusterState.class,
                    () -> Iterators.map(search.export(filter), ClusterState::of), () -> search.languages(filter),
                    "clusters");
        }
        return Response.ok(search.list(filter, pageRequest, asked).map(ClusterState::of)).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}")
    @Operation(operationId = "getCluster", summary = "Read a cluster by id or slug (retired clusters too)")
    @APIResponse(responseCode = "200", description = "The cluster; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClusterState.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public Response get(@PathParam("idOrSlug") String idOrSlug) {
        // A matching If-None-Match becomes a 304 in ConditionalReads, as on every read.
        StoredCluster cluster = clusters.representation(idOrSlug)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
        return Response.ok(cluster.json(), MediaType.APPLICATION_JSON_TYPE).tag(Versions.etag(cluster.version()))
                .build();
    }

    @PUT
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCluster",
            summary = "Replace what is known about a cluster; If-Match must carry the version read",
            description = "The body may be the representation as read: its read-only fields (id, allianceIds, "
                    + "status, version, createdAt, createdBy, updatedAt, updatedBy) are ignored.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClusterState.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    @APIResponse(responseCode = "409", description = "The slug is taken, or the cluster is retired")
    @APIResponse(responseCode = "422", description = "An alliance member does not exist, is retired or is an alliance")
    public RestResponse<ClusterState> update(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(required = true, description = "The ETag of the version read") @HeaderParam("If-Match")
            String ifMatch,
            @Valid @NotNull ClusterDetails details) {
        ClusterState updated = ClusterState.of(clusters.update(idOrSlug, Versions.expected(ifMatch), details,
                caller.actor()));
        return RestResponse.ResponseBuilder.ok(updated).tag(Versions.etag(updated.version())).build();
    }

    @PATCH
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}")
    // No @Consumes: MergePatch.read checks the media type once the token is (see there).
    @Operation(operationId = "patchCluster",
            summary = "Change some fields of a cluster (JSON Merge Patch); If-Match must carry the version read",
            description = "The patch applies to the representation as read; null removes an optional field. The "
                    + "result is validated like a full update.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(
            type = SchemaType.OBJECT, description = "The fields of ClusterDetails to change")))
    public RestResponse<ClusterState> patch(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(required = true, description = "The ETag of the version read") @HeaderParam("If-Match")
            String ifMatch,
            @Context HttpHeaders headers, String patch) throws JsonProcessingException {
        JsonNode changes = patches.read(headers, patch);
        long expected = Versions.expected(ifMatch);
        ClusterState current = clusters.find(idOrSlug).map(ClusterState::of)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
        ClusterDetails details = patches.update(current, current.version(), expected, changes, ClusterDetails.class);
        ClusterState updated = ClusterState.of(clusters.update(idOrSlug, expected, details, caller.actor()));
        return RestResponse.ResponseBuilder.ok(updated).tag(Versions.etag(updated.version())).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{idOrSlug}")
    @Operation(operationId = "retireCluster", summary = "Retire a cluster: it stays readable with status RETIRED")
    @APIResponse(responseCode = "200", description = "The retired cluster",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClusterState.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public RestResponse<ClusterState> retire(@PathParam("idOrSlug") String idOrSlug) {
        ClusterState retired = ClusterState.of(clusters.retire(idOrSlug, caller.actor()));
        return RestResponse.ResponseBuilder.ok(retired).tag(Versions.etag(retired.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}/profile")
    @Operation(operationId = "getClusterProfile",
            summary = "A cluster with its agreements and latest funding figures, from this service's views")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClusterProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public ClusterProfileResponse profile(@PathParam("idOrSlug") String idOrSlug) {
        return profiles.profile(idOrSlug).map(ClusterProfileResponse::of)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
