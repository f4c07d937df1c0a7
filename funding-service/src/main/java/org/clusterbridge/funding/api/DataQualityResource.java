package org.clusterbridge.funding.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.funding.service.DataQualityService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The data-quality list: every plausibility flag and every conflict of the registry's funding summaries. */
@Path("/api/data-quality")
@Tag(name = "Data quality")
@Produces(MediaType.APPLICATION_JSON)
public class DataQualityResource {

    /** A page of this list is larger than the figure list's: its items are few and the dashboard shows them all. */
    private static final String DEFAULT_SIZE = "50";

    private final DataQualityService concerns;

    DataQualityResource(DataQualityService concerns) {
        this.concerns = concerns;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "listDataQualityConcerns",
            summary = "Every implausible jump and every conflict between sources of every cluster's funding summary, "
                    + "by cluster slug, indicator, nature, period end, then kind (IMPLAUSIBLE_JUMP before CONFLICT)")
    public DataQualityPage list(
            @QueryParam("page") @Parameter(description = "Page number, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "Page size, 1 to 200", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = DEFAULT_SIZE))
            String size) {
        return DataQualityPage.of(concerns.list(QueryParams.page(page,
                size == null || size.isBlank() ? DEFAULT_SIZE : size)));
    }
}
