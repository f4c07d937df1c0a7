package org.clusterbridge.mou.api;

import jakarta.ws.rs.QueryParam;

import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that every list of agreements takes (the whole register's and a cluster's): the agreement
 * filters and the page. Read raw, so that a bad value is a 400 naming the parameter.
 */
public record AgreementFilters(
        @QueryParam("status") @Parameter(schema = @Schema(enumeration = { "SIGNED", "ACTIVE", "EXPIRED",
                "TERMINATED" })) String status,
        @QueryParam("focusArea") String focusArea,
        @QueryParam("signedFrom") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String signedFrom,
        @QueryParam("signedTo") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String signedTo,
        @QueryParam("expiringWithinDays") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String expiringWithinDays,
        @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
        @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {

    /** The query these filters make, narrowed to {@code clusterId} and {@code country} where given (raw, or null). */
    AgreementQuery query(String clusterId, String country) {
        return QueryFilters.agreements(clusterId, status, country, focusArea, signedFrom, signedTo,
                expiringWithinDays);
    }

    PageRequest pageRequest() {
        return QueryParams.page(page, size);
    }
}
