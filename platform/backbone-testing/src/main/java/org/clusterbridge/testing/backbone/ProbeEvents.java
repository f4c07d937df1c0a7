package org.clusterbridge.testing.backbone;

import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;

/** The probe event the round trips write through a store's outbox: its subject is the probe's id. */
final class ProbeEvents {

    private ProbeEvents() {
    }

    static CloudEvent probe(String id) {
        return CDI.current().select(CloudEvents.class).get()
                .create("probe", "checked", id, 1, "round-trip-test", Map.of("id", id));
    }
}
