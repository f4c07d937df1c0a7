package org.clusterbridge.cluster.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.api.RepresentationShape;
import org.clusterbridge.cluster.service.ClusterEntry;
import org.clusterbridge.cluster.service.ClusterRepresentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** A cluster as {@link ClusterState} JSON, written by the REST layer's own mapper, as a response would be. */
@ApplicationScoped
public class ClusterStateJson implements ClusterRepresentation {

    private static final String FORMAT = RepresentationShape.fingerprint(ClusterState.class);

    private final ObjectWriter writer;

    ClusterStateJson(ObjectMapper mapper) {
        this.writer = mapper.writerFor(ClusterState.class);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String json(ClusterEntry entry) {
        try {
            return writer.writeValueAsString(ClusterState.of(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cluster that cannot be written as JSON: " + entry.cluster().id, e);
        }
    }
}
