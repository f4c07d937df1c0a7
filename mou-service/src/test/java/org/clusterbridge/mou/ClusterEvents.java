package org.clusterbridge.mou;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.testing.ClusterEventFixtures;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * Cluster events as cluster-service publishes them ({@link ClusterEventFixtures}), with English names, and
 * registration that waits until this service's view holds the clusters.
 */
public final class ClusterEvents {

    private ClusterEvents() {
    }

    /** A cluster's state as cluster-service publishes it, named {@code name} in English. */
    public static ObjectNode state(UUID id, String slug, String name, String country, String kind,
            List<UUID> members, String status, long version) {
        return ClusterEventFixtures.state(id, slug, Map.of("en", name), country, kind, members, status, version);
    }

    public static String event(String change, ObjectNode state) {
        return ClusterEventFixtures.event(change, state);
    }

    public static void publish(String key, String... payloads) {
        ClusterEventFixtures.publish(key, payloads);
    }

    /** Registers clusters through the topic and waits until the view knows every one of them. */
    public static List<UUID> register(ObjectNode... states) {
        List<UUID> ids = new ArrayList<>();
        for (ObjectNode state : states) {
            String id = state.path("id").asText();
            publish(id, event("registered", state));
            ids.add(UUID.fromString(id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
                RestAssured.get("/api/clusters/" + id + "/agreements").statusCode() == 200));
        return ids;
    }

    public static UUID cluster(String name, String country) {
        return register(state(UUID.randomUUID(), slug(name), name, country, "CLUSTER", List.of(), "ACTIVE", 1))
                .get(0);
    }

    public static UUID alliance(String name, String country, List<UUID> members) {
        return register(state(UUID.randomUUID(), slug(name), name, country, "ALLIANCE", members, "ACTIVE", 1))
                .get(0);
    }

    public static String slug(String name) {
        return ClusterEventFixtures.slug(name);
    }
}
