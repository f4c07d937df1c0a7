package org.clusterbridge.events.changes;

import java.io.IOException;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * One event of the feed: the CloudEvent exactly as it lies on the topic, written out byte for byte (never read
 * into Java types and written again, so no number or field can change on the way).
 */
@JsonSerialize(using = ChangeEvent.AsOnTheTopic.class)
@Schema(name = "CloudEvent", type = SchemaType.OBJECT,
        description = "A CloudEvents 1.0 event in structured JSON mode, exactly as on the service's topic; data is the "
                + "aggregate's whole state after the change, as described by contracts/events/<type>.schema.json",
        requiredProperties = { "specversion", "id", "source", "type", "subject", "time", "sequence", "actor", "data" },
        properties = {
                @SchemaProperty(name = "specversion", type = SchemaType.STRING, enumeration = "1.0"),
                @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid",
                        description = "unique per event; a redelivered event has the same id"),
                @SchemaProperty(name = "source", type = SchemaType.STRING, example = "/cluster-service"),
                @SchemaProperty(name = "type", type = SchemaType.STRING,
                        example = "clusterbridge.cluster.registered.v1"),
                @SchemaProperty(name = "subject", type = SchemaType.STRING, format = "uuid",
                        description = "the aggregate's id, also the Kafka key"),
                @SchemaProperty(name = "time", type = SchemaType.STRING, format = "date-time"),
                @SchemaProperty(name = "datacontenttype", type = SchemaType.STRING, enumeration = "application/json"),
                @SchemaProperty(name = "sequence", type = SchemaType.INTEGER, format = "int64", minimum = "1",
                        description = "the aggregate's version after the change; a view keeps the highest"),
                @SchemaProperty(name = "actor", type = SchemaType.STRING,
                        description = "who made the change: a token subject, or service:<name>"),
                @SchemaProperty(name = "data", type = SchemaType.OBJECT,
                        description = "the aggregate's whole state after the change") })
public record ChangeEvent(@Schema(hidden = true) String type, @Schema(hidden = true) String json) {

    /** Writes the event's JSON as it is. */
    static final class AsOnTheTopic extends StdSerializer<ChangeEvent> {

        AsOnTheTopic() {
            super(ChangeEvent.class);
        }

        @Override
        public void serialize(ChangeEvent event, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeRawValue(event.json());
        }
    }
}
