package org.clusterbridge.cluster.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.security.Roles;
import org.clusterbridge.cluster.domain.FocusArea;
import org.clusterbridge.cluster.domain.FocusAreaTaxonomy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The focus-area taxonomy clusters choose from. */
@Path("/api/focus-areas")
@Tag(name = "Focus areas")
public class FocusAreaResource {

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFocusAreas",
            summary = "The focus-area taxonomy: codes with English and Japanese names")
    public List<FocusArea> list() {
        return FocusAreaTaxonomy.AREAS;
    }
}
