package org.clusterbridge.mou.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a facet name of the agreement lists, so that generated clients offer the names as an enum.
 * The names are {@link org.clusterbridge.mou.service.AgreementFacets#OFFERED} (an annotation cannot read the set;
 * the OpenAPI test compares them).
 */
@Schema(name = "AgreementFacet", type = SchemaType.STRING, enumeration = { "status", "kind", "country",
        "focusArea" })
final class AgreementFacetName {

    private AgreementFacetName() {
    }
}
