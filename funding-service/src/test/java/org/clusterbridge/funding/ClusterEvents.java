package org.clusterbridge.funding;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clusterbridge.funding.events.ClusterView;
import org.clusterbridge.testing.EventSchemas;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Cluster events as cluster-service publishes them (shape of contracts/events/cluster.data.schema.json), produced
 * to the real {@code cluster-events} topic with a plain producer.
 */
public final class ClusterEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        ObjectNode data = MAPPER.createObjectNode();
        data.put("id", id.toString());
        data.put("slug", slug);
        ObjectNode names = data.putObject("names");
        names.put("en", nameEn);
        if (nameJa != null) {
            names.put("ja", nameJa);
        }
        data.put("acronym", (String) null);
        data.put("kind", "CLUSTER");
        data.put("country", country);
        data.put("status", status);
        data.putArray("memberClusterIds");
        data.putArray("focusAreas").add("medical-devices");
        data.put("version", version);
        data.put("region", "somewhere");
        data.putObject("foundedOn").put("date", "2005-01-01").put("precision", "YEAR");
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/cluster-service");
        event.put("type", "clusterbridge.cluster." + change + ".v1");
        event.put("subject", id.toString());
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("sequence", version);
        event.put("actor", "partner-system");
        event.set("data", data);
        return event;
    }

    /** Sends events (already valid against the contracts) to cluster-events, keyed by the cluster's id. */
    public static void publish(ObjectNode... events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (ObjectNode event : events) {
                String json = event.toString();
                EventSchemas.assertValid(json);
                producer.send(new ProducerRecord<>("cluster-events", event.path("subject").asText(), json));
            }
            producer.flush();
        }
    }

    /** Sends a raw record, valid or not. */
    public static void publishRaw(String key, String payload) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("cluster-events", key, payload));
            producer.flush();
        }
    }

    public static void awaitVersion(UUID id, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> view(id) != null && view(id).version >= version);
    }

    public static ClusterView view(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ClusterView.<ClusterView> findById(id));
    }

}
