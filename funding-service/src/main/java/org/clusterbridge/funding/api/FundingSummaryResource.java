package org.clusterbridge.funding.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.security.Roles;
import org.clusterbridge.funding.service.FundingSummaryService;
import org.clusterbridge.rules.IdOrSlug;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The funding summary of one cluster, named by id or slug. */
@Path("/api/clusters/{clusterId}/funding-summary")
@Tag(name = "Funding figures")
@Produces(MediaType.APPLICATION_JSON)
public class FundingSummaryResource {

    private final FundingSummaryService summaries;

    FundingSummaryResource(FundingSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "getFundingSummary", summary = "Per indicator: latest actual, the series, change from the previous report, progress against targets, totals per currency, conflicts between sources")
    public FundingSummary summary(@PathParam("clusterId") @Parameter(description = "Cluster id or slug") String clusterId) {
        return FundingSummary.of(summaries.summary(IdOrSlug.of(clusterId)));
    }
}
