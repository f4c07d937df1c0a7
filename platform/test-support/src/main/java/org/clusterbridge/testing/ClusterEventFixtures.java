package org.clusterbridge.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cluster events as cluster-service publishes them (contracts/events/cluster.data.schema.json), for the tests of
 * the services that keep a view of clusters: the state, its envelope, checked against the schemas, and a plain
 * producer to the real {@code cluster-events} topic of the service under test.
 */
public final class ClusterEventFixtures {

    public static final String TOPIC = "cluster-events";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClusterEventFixtures() {
    }

    /** A cluster's whole state as cluster-service publishes it, fields the views ignore included. */
    public static ObjectNode state(UUID id, String slug, Map<String, String> names, String country, String kind,
            List<UUID> members, String status, long version) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("id", id.toString());
        data.put("slug", slug);
        ObjectNode namesNode = data.putObject("names");
        names.forEach(namesNode::put);
        data.putNull("acronym");
        data.put("kind", kind);
        data.put("country", country);
        data.put("status", status);
        ArrayNode memberIds = data.putArray("memberClusterIds");
        members.forEach(member -> memberIds.add(member.toString()));
        data.putArray("focusAreas").add("medical-devices");
        data.put("version", version);
        data.put("region", "somewhere");
        data.putObject("foundedOn").put("date", "2005-01-01").put("precision", "YEAR");
        data.putArray("leaders");
        return data;
    }

    /** The CloudEvents envelope of a {@code change} (registered, updated, retired) carrying {@code state}. */
    public static ObjectNode envelope(String change, ObjectNode state) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/cluster-service");
        event.put("type", "clusterbridge.cluster." + change + ".v1");
        event.put("subject", state.path("id").asText());
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("sequence", state.path("version").asLong());
        event.put("actor", "partner-system");
        event.set("data", state);
        return event;
    }

    /** The envelope as JSON, after checking it against the event schemas. */
    public static String event(String change, ObjectNode state) {
        return valid(envelope(change, state));
    }

    /** {@code event} as JSON, after checking it against the event schemas. */
    public static String valid(ObjectNode event) {
        String json = event.toString();
        EventSchemas.assertValid(json);
        return json;
    }

    /** Sends records to {@code cluster-events} under {@code key}, as they are (valid or not), and waits for acks. */
    public static void publish(String key, String... payloads) {
        TopicRecords.publish(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), TOPIC,
                key, payloads);
    }

    /** A slug made from {@code name}, unique to the test run. */
    public static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
