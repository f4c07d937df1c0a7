package org.clusterbridge.events.sample;

import java.util.UUID;

/** The data of a {@code clusterbridge.sample.changed.v1} event. */
public record SampleState(UUID id, String name, long version) {
}
