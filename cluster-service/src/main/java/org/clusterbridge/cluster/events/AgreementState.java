package org.clusterbridge.cluster.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What cluster-service reads from the data of agreement events (contracts/events/agreement.data.schema.json).
 * Other fields are ignored, and kind and status stay strings, so mou-service can add values without breaking us.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementState(
        UUID id,
        String reference,
        Map<String, String> title,
        String kind,
        String status,
        List<Party> parties,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        LocalDate expiresOn,
        long version) {

    /** A party: a cluster, or an alliance with the member clusters co-signing for it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(UUID clusterId, List<UUID> coSigners) {
        public Party {
            coSigners = coSigners == null ? List.of() : coSigners;
        }
    }
}
