package org.clusterbridge.mou.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.api.export.ListFormat;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.service.AgreementService;
import org.clusterbridge.mou.service.KnownClusters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    private final AgreementLists lists;

    ClusterAgreementsResource(AgreementService service, KnownClusters clusters, AgreementLists lists) {
        this.service = service;
        this.clusters = clusters;
        this.lists = lists;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Produces({ ListFormat.JSON_TYPE, ListFormat.CSV_TYPE, ListFormat.NDJSON_TYPE })
    @Operation(operationId = "listClusterAgreements", summary = "The agreements of a cluster", description = "Signed "
            + "by the cluster as a party or co-signer, or by an alliance it is a member of. The cluster is named by id "
            + "or slug.")
    @APIResponse(responseCode = "200", description = ListFormat.DESCRIPTION, content = {
            @Content(mediaType = ListFormat.JSON_TYPE, schema = @Schema(implementation = AgreementPage.class)),
            @Content(mediaType = ListFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ListFormat.NDJSON_TYPE, schema = @Schema(
                    implementation = AgreementRepresentation.class)) })
    @APIResponse(responseCode = "404", description = "No such cluster")
    public Response list(
            @PathParam("clusterId") @Parameter(description = "The cluster's id or slug") String clusterId,
            @BeanParam AgreementFilters filters, @Context HttpHeaders headers) {
        ClusterSummary cluster = clusters.get(clusterId);
        AgreementQuery query = filters.query(null, null);
        return lists.answer(filters, headers, () -> service.ofCluster(cluster.id(), query),
                "agreements-" + cluster.slug());
    }
}
