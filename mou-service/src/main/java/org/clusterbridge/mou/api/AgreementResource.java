package org.clusterbridge.mou.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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

import org.clusterbridge.api.MergePatch;
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.export.ListFormat;
import org.clusterbridge.api.security.Caller;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.service.AgreementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** The register of agreements: record, read, correct (whole or by merge patch) and terminate. */
@Path("/api/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AgreementResource {

    private final AgreementService service;
    private final AgreementRepresentations representations;
    private final Caller caller;
    private final MergePatch patches;
    private final AgreementLists lists;
    private final ObjectMapper mapper;

    AgreementResource(AgreementService service, AgreementRepresentations representations, Caller caller,
            MergePatch patches, AgreementLists lists, ObjectMapper mapper) {
        this.service = service;
        this.representations = representations;
        this.caller = caller;
        this.patches = patches;
        this.lists = lists;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signAgreement", summary = "Record an agreement", description = "Parties (two or more "
            + "distinct clusters, an alliance with its co-signing members) must be known and not retired. A "
            + "reference already recorded is a 409.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "409", description = "The reference is already recorded")
    @APIResponse(responseCode = "422", description = "A party or co-signer is unknown, retired or not a member")
    public Response create(AgreementRequest request) throws JsonProcessingException {
        Agreement agreement = service.create(request == null ? null : request.details(), caller.actor());
        byte[] body = mapper.writeValueAsBytes(representations.of(agreement));
        return Response.created(URI.create("/api/agreements/" + agreement.id()))
                .tag(Versions.etag(agreement.version(), body)).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Produces({ ListFormat.JSON_TYPE, ListFormat.CSV_TYPE, ListFormat.NDJSON_TYPE })
    @Operation(operationId = "listAgreements", summary = "List agreements", description = "status is the status on "
            + "today's date; country matches any party's or co-signer's country; expiringWithinDays lists agreements "
            + "not terminated whose expiry falls after today and at most that many days from today. facets counts "
            + "the matches by status, kind, country or focus area.")
    @APIResponse(responseCode = "200", description = ListFormat.DESCRIPTION, content = {
            @Content(mediaType = ListFormat.JSON_TYPE, schema = @Schema(implementation = AgreementPage.class)),
            @Content(mediaType = ListFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ListFormat.NDJSON_TYPE, schema = @Schema(
                    implementation = AgreementRepresentation.class)) })
    public Response list(
            @QueryParam("clusterId") @Parameter(description = "Agreements this cluster signed as a party or "
                    + "co-signer", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String clusterId,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2", schema = @Schema(
                    type = SchemaType.STRING, pattern = AgreementFilters.COUNTRY)) String country,
            @BeanParam AgreementFilters filters, @Context HttpHeaders headers) {
        AgreementQuery query = filters.query(clusterId, country);
        return lists.answer(filters, headers, () -> service.matching(query), "agreements");
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Operation(operationId = "getAgreement", summary = "Get an agreement", description = "With its status on "
            + "today's date and its parties' current names. The ETag is \"<version>.<digest>\": the digest covers "
            + "the body, so a rename of a party or the status changing with the date changes the ETag "
            + "(If-None-Match answers 304 only for the body as it is now). Send it in If-Match to change the "
            + "agreement: only its version is compared.")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "404", description = "No such agreement")
    public Response get(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) String id) {
        Agreement agreement = service.get(QueryFilters.pathId("agreement", id));
        return ok(agreement);
    }

    @PUT
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAgreement", summary = "Correct an agreement", description = "Replaces what was "
            + "stated about the agreement. Send the ETag read in If-Match: 428 without it, 412 when the agreement "
            + "changed since (its version part differs). The agreement may be sent as it was read: its read-only "
            + "fields are ignored.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "409", description = "The reference is another agreement's")
    @APIResponse(responseCode = "422", description = "A party or co-signer is unknown, retired or not a member")
    public Response update(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) String id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                    description = "The ETag read") String ifMatch,
            AgreementRequest request) {
        UUID agreementId = QueryFilters.pathId("agreement", id);
        Agreement agreement = service.update(agreementId, Versions.expected(ifMatch),
                request == null ? null : request.details(), caller.actor());
        return ok(agreement);
    }

    @PATCH
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Path("/{id}")
    @Operation(operationId = "patchAgreement", summary = "Change some fields of an agreement", description = "A JSON "
            + "merge patch (RFC 7396, " + MergePatch.MEDIA_TYPE + ") of the agreement as read: the result is "
            + "checked and stored as a PUT of it would be. Send the ETag read in If-Match: 428 without it, 412 when "
            + "the agreement changed since.")
    public Response patch(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) String id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                    description = "The ETag read") String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = AgreementPatch.class))) String patch,
            @Context HttpHeaders headers) throws JsonProcessingException {
        JsonNode changes = patches.read(headers, patch);
        UUID agreementId = QueryFilters.pathId("agreement", id);
        long expected = Versions.expected(ifMatch);
        Agreement current = service.get(agreementId);
        AgreementRequest update = patches.update(representations.of(current), current.version(), expected, changes,
                AgreementRequest.class);
        return ok(service.update(agreementId, expected, update.details(), caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "terminateAgreement", summary = "Terminate an agreement", description = "The date may "
            + "not be in the future nor before the signing date. An agreement is terminated once: a second "
            + "termination is a 409.")
    @APIResponse(responseCode = "200", description = "Terminated", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementRepresentation.class)))
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "Already terminated")
    public Response terminate(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) String id, TerminationRequest termination) {
        Agreement agreement = service.terminate(QueryFilters.pathId("agreement", id),
                termination == null ? null : termination.termination(), caller.actor());
        return ok(agreement);
    }

    /**
     * The agreement as served, serialised once and tagged with its version (for the next If-Match) and a digest of
     * that body (for If-None-Match: the names and status it embeds change without the version).
     */
    private Response ok(Agreement agreement) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(representations.of(agreement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agreement's representation is always serialisable", e);
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(Versions.etag(agreement.version(), body))
                .build();
    }
}
