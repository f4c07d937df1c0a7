package org.clusterbridge.mou.api;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person who signed, with the current names of the cluster signed for (null while the view does not know it). */
public record SignatoryRepresentation(
        @Schema(required = true) String name,
        String nativeName,
        String title,
        @Schema(required = true) UUID clusterId,
        @Schema(readOnly = true, description = AgreementRequest.MULTILINGUAL) Map<String, String> clusterNames) {
}
