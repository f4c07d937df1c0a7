package org.clusterbridge.mou.api;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a co-signer as a request names it (its id) or as a representation shows it (a cluster reference, of which
 * only {@code clusterId} counts), so that an agreement read can be sent back as it is.
 */
final class CoSignerIds extends StdDeserializer<UUID> {

    CoSignerIds() {
        super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            AsRead reference = context.readValue(parser, AsRead.class);
            return reference.clusterId();
        }
        return context.readValue(parser, UUID.class);
    }

    /** A {@link ClusterReference} as served; its names come from the view and say nothing to a write. */
    @JsonIgnoreProperties({ "slug", "names", "acronym", "kind", "country", "status" })
    record AsRead(UUID clusterId) {
    }
}
