package org.clusterbridge.mou;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.testing.EventSchemas;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * Publishes cluster events the way cluster-service does (contract of cluster.data.schema.json, checked against
 * the schemas) to the real {@code cluster-events} topic, and waits until this service's view holds them.
 */
final class ClusterEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClusterEvents() {
    }

    /** A cluster's state as cluster-service publishes it, with fields of the rest of its state too. */
    static Map<String, Object> state(UUID id, String slug, String name, String country, String kind,
            List<UUID> members, String status, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("slug", slug);
        data.put("names", Map.of("en", name));
        data.put("acronym", null);
        data.put("kind", kind);
        data.put("country", country);
        data.put("status", status);
        data.put("memberClusterIds", members.stream().map(UUID::toString).toList());
        data.put("focusAreas", List.of("medical-devices"));
        data.put("version", version);
        data.put("region", "somewhere");
        data.put("leaders", List.of());
        return data;
    }

    static String event(String change, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/cluster-service");
        event.put("type", "clusterbridge.cluster." + change + ".v1");
        event.put("subject", data.get("id"));
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("sequence", data.get("version"));
        event.put("actor", "partner-system");
        event.put("data", data);
        try {
            String json = MAPPER.writeValueAsString(event);
            EventSchemas.assertValid(json);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void publish(String key, String... payloads) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (String payload : payloads) {
                producer.send(new ProducerRecord<>(EventTopics.CLUSTER_EVENTS, key, payload));
            }
            producer.flush();
        }
    }

    /** Registers clusters through the topic and waits until the view knows every one of them. */
    static List<UUID> register(Map<String, Object>... states) {
        List<UUID> ids = new ArrayList<>();
        for (Map<String, Object> state : states) {
            publish((String) state.get("id"), event("registered", state));
            ids.add(UUID.fromString((String) state.get("id")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
                RestAssured.get("/api/clusters/" + id + "/agreements").statusCode() == 200));
        return ids;
    }

    static UUID cluster(String name, String country) {
        return register(state(UUID.randomUUID(), slug(name), name, country, "CLUSTER", List.of(), "ACTIVE", 1))
                .get(0);
    }

    static UUID alliance(String name, String country, List<UUID> members) {
        return register(state(UUID.randomUUID(), slug(name), name, country, "ALLIANCE", members, "ACTIVE", 1))
                .get(0);
    }

    static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
