package org.clusterbridge.mou.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.security.Roles;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.service.AgreementService;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** The cooperation network, for dashboards. */
@Path("/api/network")
@Tag(name = "Network")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class NetworkResource {

    /** The agreements a network draws unless {@code limit} says otherwise: a picture, not an export. */
    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 50_000;

    private final AgreementService service;
    private final AgreementRepresentations representations;

    NetworkResource(AgreementService service, AgreementRepresentations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "getNetwork", summary = "The cooperation network", description = "Clusters as nodes "
            + "(name, country, kind), agreements as edges between each pair of their parties (status on today's date, "
            + "dates). status, country and focusArea filter the agreements; country matches any party's or "
            + "co-signer's country, focusArea any of the agreement's focus areas. At most `limit` agreements "
            + "(default " + NetworkResource.DEFAULT_LIMIT + ", at most " + NetworkResource.MAX_LIMIT + "): the "
            + "latest signed of the matches; `truncated` says whether some were left out and "
            + "`agreementCount` how many matched.")
    @APIResponse(responseCode = "200", description = "The network", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Network.class)))
    public Network network(
            @QueryParam("status") @Parameter(description = "The agreements' status on today's date",
                    schema = @Schema(implementation = AgreementStatus.class)) String status,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2", schema = @Schema(
                    type = SchemaType.STRING, pattern = AgreementFilters.COUNTRY)) String country,
            // The codes of FocusAreas.CODES, as on the lists (the OpenAPI test compares them).
            @QueryParam("focusArea") @Parameter(description = "A focus-area code", schema = @Schema(
                    type = SchemaType.STRING, enumeration = { "biological-diagnostics",
                            "diagnostic-interventional-imaging", "regenerative-medicine", "biomaterials",
                            "digital-health", "translational-medicine", "medical-devices", "pharmaceuticals",
                            "active-pharmaceutical-ingredients", "biotechnology",
                            "nursing-care-welfare-devices" })) String focusArea,
            @QueryParam("limit") @Parameter(description = "The most agreements to draw, latest signed first",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT,
                            defaultValue = "" + DEFAULT_LIMIT)) String limit) {
        int bound = limit(limit);
        return representations.network(service.network(QueryFilters.status(status), QueryFilters.country(country),
                QueryFilters.focusArea(focusArea)), bound);
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // not a number: refused below
        }
        throw DomainException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }
}
