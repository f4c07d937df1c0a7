package org.clusterbridge.cluster.service;

/**
 * How a cluster reads in the API, as JSON: the service stores it with every version so that a read by id or slug
 * sends it as it is (see {@link ClusterService#representation}).
 */
public interface ClusterRepresentation {

    /** The shape the JSON is written in; a stored representation of another shape is rewritten. */
    String format();

    String json(ClusterEntry entry);
}
