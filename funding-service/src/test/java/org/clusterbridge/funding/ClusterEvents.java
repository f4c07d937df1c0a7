package org.clusterbridge.funding;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.funding.events.ClusterViewRow;
import org.clusterbridge.testing.ClusterEventFixtures;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Cluster events from {@link ClusterEventFixtures}, and what waits for this service's view of them. */
public final class ClusterEvents {

    private ClusterEvents() {
    }

    /** A new ACTIVE cluster at version 1, applied to the view before returning. */
    public static UUID register(String slug, String nameEn, String nameJa, String country) {
        UUID id = UUID.randomUUID();
        publish(event(id, slug, nameEn, nameJa, country, "ACTIVE", 1, "registered"));
        awaitVersion(id, 1);
        return id;
    }

    public static ObjectNode event(UUID id, String slug, String nameEn, String nameJa, String country, String status,
            long version, String change) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", nameEn);
        if (nameJa != null) {
            names.put("ja", nameJa);
        }
        return ClusterEventFixtures.envelope(change,
                ClusterEventFixtures.state(id, slug, names, country, "CLUSTER", List.of(), status, version));
    }

    /** Sends events of one cluster, checked against the contracts, keyed by its id. */
    public static void publish(ObjectNode... events) {
        ClusterEventFixtures.publish(events[0].path("subject").asText(),
                Arrays.stream(events).map(ClusterEventFixtures::valid).toArray(String[]::new));
    }

    /** Sends a raw record, valid or not. */
    public static void publishRaw(String key, String payload) {
        ClusterEventFixtures.publish(key, payload);
    }

    public static void awaitVersion(UUID id, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> view(id) != null && view(id).version >= version);
    }

    public static ClusterViewRow view(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ClusterViewRow.<ClusterViewRow> findById(id));
    }
}
