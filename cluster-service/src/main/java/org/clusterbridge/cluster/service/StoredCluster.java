package org.clusterbridge.cluster.service;

import java.util.UUID;

/** A cluster's JSON representation at {@code version}, as a read sends it. */
public record StoredCluster(UUID id, long version, String json) {
}
