package org.clusterbridge.events;

/** The topics of the system; the Kafka key of every record is the aggregate's id. */
public final class EventTopics {

    public static final String CLUSTER_EVENTS = "cluster-events";
    public static final String AGREEMENT_EVENTS = "agreement-events";
    public static final String FUNDING_EVENTS = "funding-events";

    private EventTopics() {
    }
}
