package org.clusterbridge.cluster.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.Problem;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.security.Caller;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.cluster.domain.ClusterDetails;
import org.clusterbridge.cluster.domain.ClusterKind;
import org.clusterbridge.cluster.domain.ClusterStatus;
import org.clusterbridge.cluster.domain.FocusAreaTaxonomy;
import org.clusterbridge.cluster.service.ClusterFilter;
import org.clusterbridge.cluster.service.ClusterProfiles;
import org.clusterbridge.cluster.service.ClusterService;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The cluster registry over HTTP: clusters are addressed by id or by slug. */
@Path("/api/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; errors name the fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClusterResource {

    private final ClusterService clusters;
    private final ClusterProfiles profiles;
    private final Caller caller;

    ClusterResource(ClusterService clusters, ClusterProfiles profiles, Caller caller) {
        this.clusters = clusters;
        this.profiles = profiles;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a cluster, alliance, association, foundation or public body")
    @APIResponse(responseCode = "201", description = "Registered; Location names it, ETag is its version")
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An alliance member does not exist, is retired or is an alliance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ClusterState> register(@Valid @NotNull ClusterDetails details, UriInfo uri) {
        ClusterState created = ClusterState.of(clusters.register(details, caller.actor()));
        URI location = uri.getBaseUriBuilder().path("api/clusters").path(created.id().toString()).build();
        return RestResponse.ResponseBuilder.<ClusterState> created(location).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "List clusters, sorted by English name")
    public Page<ClusterState> list(
            @Parameter(description = "ISO 3166-1 alpha-2 country code") @QueryParam("country") String country,
            @Parameter(schema = @Schema(implementation = ClusterKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "focus-area code, see /api/focus-areas") @QueryParam("focusArea") String focusArea,
            @Parameter(schema = @Schema(implementation = ClusterStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "part of a name in any language or of the acronym; case and accents are ignored")
            @QueryParam("q") String q,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 200 (default 20)") @QueryParam("size") String size) {
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
                blankToNull(q));
        return clusters.list(filter, QueryParams.page(page, size)).map(ClusterState::of);
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}")
    @Operation(summary = "Read a cluster by id or slug (retired clusters too)")
    @APIResponse(responseCode = "200", description = "The cluster; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ClusterState> get(@PathParam("idOrSlug") String idOrSlug) {
        ClusterState cluster = clusters.find(idOrSlug).map(ClusterState::of)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
        return RestResponse.ResponseBuilder.ok(cluster).tag(Versions.etag(cluster.version())).build();
    }

    @PUT
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace what is known about a cluster; If-Match must carry the version read")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version")
    @APIResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken, or the cluster is retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The cluster changed since it was read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An alliance member does not exist, is retired or is an alliance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ClusterState> update(@PathParam("idOrSlug") String idOrSlug,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ClusterDetails details) {
        ClusterState updated = ClusterState.of(clusters.update(idOrSlug, Versions.expected(ifMatch), details,
                caller.actor()));
        return RestResponse.ResponseBuilder.ok(updated).tag(Versions.etag(updated.version())).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{idOrSlug}")
    @Operation(summary = "Retire a cluster: it stays readable with status RETIRED")
    @APIResponse(responseCode = "200", description = "The retired cluster")
    @APIResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ClusterState> retire(@PathParam("idOrSlug") String idOrSlug) {
        ClusterState retired = ClusterState.of(clusters.retire(idOrSlug, caller.actor()));
        return RestResponse.ResponseBuilder.ok(retired).tag(Versions.etag(retired.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{idOrSlug}/profile")
    @Operation(summary = "A cluster with its agreements and latest funding figures, from this service's views")
    @APIResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClusterProfileResponse profile(@PathParam("idOrSlug") String idOrSlug) {
        return profiles.profile(idOrSlug).map(ClusterProfileResponse::of)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
