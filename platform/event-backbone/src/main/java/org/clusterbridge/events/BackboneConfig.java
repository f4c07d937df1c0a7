package org.clusterbridge.events;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "clusterbridge.events")
public interface BackboneConfig {

    /** CloudEvents {@code source} of the events this service emits, for example {@code /cluster-service}. */
    String source();

    /** Topics this service makes sure exist at start. */
    @WithDefault("cluster-events,agreement-events,funding-events")
    List<String> topics();

    @WithDefault("3")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    Relay relay();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** Safety net besides the wake-up on commit: catches writes of other instances and lease take-overs. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("100ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        /** Published PostgreSQL outbox rows are kept this long, then purged. */
        @WithDefault("1h")
        Duration retention();

        /** How long a MongoDB relay lease lasts without renewal. */
        @WithDefault("10s")
        Duration leaseDuration();
    }
}
