package org.clusterbridge.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code subject} is the aggregate's id (also the Kafka key),
 * {@code sequence} the aggregate's version after the change and {@code data} its whole state after the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "sequence", "actor",
        "data" })
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        long sequence,
        String actor,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String TYPE_PREFIX = "clusterbridge.";

    /** {@code clusterbridge.<aggregate>.<change>.v1}, for example {@code clusterbridge.cluster.registered.v1}. */
    public static String type(String aggregate, String change) {
        return TYPE_PREFIX + aggregate + "." + change + ".v1";
    }

    /** The change named by the type: {@code registered} for {@code clusterbridge.cluster.registered.v1}. */
    public String change() {
        String[] parts = type.split("\\.");
        return parts.length >= 4 ? parts[parts.length - 2] : type;
    }
}
