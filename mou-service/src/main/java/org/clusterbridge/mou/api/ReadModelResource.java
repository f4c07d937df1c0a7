package org.clusterbridge.mou.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.security.Roles;
import org.clusterbridge.mou.store.ReadModels;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/**
 * Rebuilds mou-service's read models (a cluster's agreements, the network, a cluster's alliances) from the
 * agreements and the cluster view: for a store whose agreements were written or restored around the service
 * (a restored backup, a bulk load). Writes may go on meanwhile.
 */
@Path("/api/admin/read-models")
@Tag(name = "Administration")
@Blocking
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelResource {

    private final ReadModels readModels;

    ReadModelResource(ReadModels readModels) {
        this.readModels = readModels;
    }

    @POST
    @Path("/rebuild")
    @Operation(operationId = "rebuildReadModels", summary = "Rebuild the read models from the agreements",
            description = "Writes every read-model entry again from the stored agreements and the cluster view, "
                    + "and answers how many agreements and alliances it read, and how long it took.")
    public ReadModels.ReadModelRebuild rebuild() {
        return readModels.rebuild();
    }
}
