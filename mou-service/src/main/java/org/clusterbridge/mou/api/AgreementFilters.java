package org.clusterbridge.mou.api;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.clusterbridge.api.Facets;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.service.AgreementFacets;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that every list of agreements takes (the whole register's and a cluster's): the agreement
 * filters, the page and the facets. Read raw, so that a bad value is a 400 naming the parameter; the OpenAPI
 * document gives their types.
 */
public record AgreementFilters(
        @QueryParam("status") @Parameter(description = "The status on today's date", schema = @Schema(
                implementation = AgreementStatus.class)) String status,
        // The codes of FocusAreas.CODES (an annotation cannot read the list; the OpenAPI test compares them).
        @QueryParam("focusArea") @Parameter(description = "A focus-area code", schema = @Schema(
                type = SchemaType.STRING, enumeration = { "biological-diagnostics",
                        "diagnostic-interventional-imaging", "regenerative-medicine", "biomaterials",
                        "digital-health", "translational-medicine", "medical-devices", "pharmaceuticals",
                        "active-pharmaceutical-ingredients", "biotechnology",
                        "nursing-care-welfare-devices" })) String focusArea,
        @QueryParam("signedFrom") @Parameter(description = "Signed on or after this day", schema = @Schema(
                type = SchemaType.STRING, format = "date")) String signedFrom,
        @QueryParam("signedTo") @Parameter(description = "Signed on or before this day", schema = @Schema(
                type = SchemaType.STRING, format = "date")) String signedTo,
        @QueryParam("expiringWithinDays") @Parameter(description = "Not terminated, expiring after today and at "
                + "most this many days from today", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                        maximum = "36500")) String expiringWithinDays,
        @QueryParam("updatedSince") @Parameter(description = "Changed at or after this instant (updatedAt), for "
                + "incremental sync; ISO-8601 with its offset, for example 2026-01-31T00:00:00Z", schema = @Schema(
                        type = SchemaType.STRING, format = "date-time")) String updatedSince,
        @QueryParam("page") @Parameter(description = "The page, counting from 0", schema = @Schema(
                type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
        @QueryParam("size") @Parameter(description = "Agreements per page", schema = @Schema(
                type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) String size,
        @QueryParam("facets") @Parameter(description = "The facets to count over all matches, comma-separated "
                + "(status: on today's date; country: of the parties and co-signers, each agreement counted once "
                + "per country; focusArea: an agreement counted under each of its areas). Ignored for text/csv and "
                + "application/x-ndjson.", explode = Explode.FALSE, schema = @Schema(
                        type = SchemaType.ARRAY, implementation = AgreementFacetName.class)) String facets) {

    /** A country filter's shape: ISO 3166-1 alpha-2, in any case ({@code EU} for European alliances). */
    static final String COUNTRY = "^[A-Za-z]{2}$";

    /** The query these filters make, narrowed to {@code clusterId} and {@code country} where given (raw, or null). */
    AgreementQuery query(String clusterId, String country) {
        return QueryFilters.agreements(clusterId, status, country, focusArea, signedFrom, signedTo,
                expiringWithinDays, updatedSince);
    }

    PageRequest pageRequest() {
        return QueryParams.page(page, size);
    }

    /** The facets asked for, in the order given; an unknown one is a 400 naming {@code facets}. */
    List<String> askedFacets() {
        return Facets.parse(facets, AgreementFacets.OFFERED);
    }
}
