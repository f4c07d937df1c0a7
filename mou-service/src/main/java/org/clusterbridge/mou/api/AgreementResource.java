package org.clusterbridge.mou.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.security.Caller;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementDetails;
import org.clusterbridge.mou.domain.Termination;
import org.clusterbridge.mou.service.AgreementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

@Path("/api/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AgreementResource {

    private final AgreementService service;
    private final AgreementRepresentations representations;
    private final Caller caller;

    AgreementResource(AgreementService service, AgreementRepresentations representations, Caller caller) {
        this.service = service;
        this.representations = representations;
        this.caller = caller;
    }

    /** The page of agreements, as served. */
    public static class AgreementPage {
        public java.util.List<AgreementRepresentation> items;
        public int page;
        public int size;
        public long total;
    }

    @POST
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an agreement", description = "Parties (two or more distinct clusters, an alliance "
            + "with its co-signing members) must be known and not retired. A reference already recorded is a 409.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(
            implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The reference is already recorded")
    @APIResponse(responseCode = "422", description = "A party or co-signer is unknown, retired or not a member")
    public Response create(AgreementDetails details) {
        Agreement agreement = service.create(details, caller.actor());
        return Response.created(URI.create("/api/agreements/" + agreement.id()))
                .tag(Versions.etag(agreement.version())).entity(representations.of(agreement)).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "List agreements", description = "status is the status on today's date; country "
            + "matches any party's or co-signer's country; expiringWithinDays lists agreements not terminated whose "
            + "expiry falls after today and at most that many days from today.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(
            implementation = AgreementPage.class)))
    public Page<AgreementRepresentation> list(
            @QueryParam("clusterId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String clusterId,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2") String country,
            @BeanParam AgreementFilters filters) {
        return representations.of(service.list(filters.query(clusterId, country), filters.pageRequest()));
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Operation(summary = "Get an agreement")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(schema = @Schema(
            implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "404", description = "No such agreement")
    public Response get(@PathParam("id") String id) {
        Agreement agreement = service.get(QueryFilters.pathId("agreement", id));
        return ok(agreement);
    }

    @PUT
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct an agreement", description = "Replaces what was stated about the agreement. "
            + "Send the ETag read in If-Match: 428 without it, 412 when the agreement changed since.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(
            implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            AgreementDetails details) {
        UUID agreementId = QueryFilters.pathId("agreement", id);
        Agreement agreement = service.update(agreementId, Versions.expected(ifMatch), details, caller.actor());
        return ok(agreement);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Terminate an agreement", description = "The date may not be in the future nor before "
            + "the signing date. An agreement is terminated once: a second termination is a 409.")
    @APIResponse(responseCode = "200", description = "Terminated", content = @Content(schema = @Schema(
            implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "409", description = "Already terminated")
    public Response terminate(@PathParam("id") String id, Termination termination) {
        Agreement agreement = service.terminate(QueryFilters.pathId("agreement", id), termination,
                caller.actor());
        return ok(agreement);
    }

    /** The agreement as served, tagged with its version for the next If-Match. */
    private Response ok(Agreement agreement) {
        return Response.ok(representations.of(agreement)).tag(Versions.etag(agreement.version())).build();
    }
}
