package org.clusterbridge.mou.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.service.AgreementService;
import org.clusterbridge.mou.service.KnownClusters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** The agreements a cluster is bound by, directly or through its alliances. */
@Path("/api/clusters/{clusterId}/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ClusterAgreementsResource {

    private final AgreementService service;
    private final KnownClusters clusters;
    private final AgreementRepresentations representations;

    ClusterAgreementsResource(AgreementService service, KnownClusters clusters,
            AgreementRepresentations representations) {
        this.service = service;
        this.clusters = clusters;
        this.representations = representations;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "listClusterAgreements", summary = "The agreements of a cluster", description = "Signed "
            + "by the cluster as a party or co-signer, or by an alliance it is a member of. The cluster is named by id "
            + "or slug.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementPage.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public Page<AgreementRepresentation> list(
            @PathParam("clusterId") @Parameter(description = "The cluster's id or slug") String clusterId,
            @BeanParam AgreementFilters filters) {
        ClusterSummary cluster = clusters.get(clusterId);
        return representations.of(service.ofCluster(cluster.id(), filters.query(null, null), filters.pageRequest()));
    }
}
