package org.clusterbridge.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "clusterbridge.events")
public interface BackboneConfig {

    /** CloudEvents {@code source} of the events this service emits, for example {@code /cluster-service}. */
    String source();

    /** Topics this service makes sure exist at start. */
    @WithDefault("cluster-events,agreement-events,funding-events")
    List<String> topics();

    /** Partitions of a topic this service creates; the most instances of one service that consume in parallel. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of a topic this service creates: 1 on one broker, 3 on a production cluster. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * {@code min.insync.replicas} of a topic this service creates; without it the broker's default applies. With the
     * relay's {@code acks=all}, 2 of 3 replicas means an acknowledged event survives the loss of one broker.
     */
    Optional<Integer> minInsyncReplicas();

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

        /**
         * MongoDB: how often the relay also looks for pending events by a query over the documents themselves, besides
         * the notes of pending documents it reads on every poll (the first poll after a start, or after taking the
         * lease over, always does). It finds events no note names: written before the notes existed. On a server
         * without secondary indexes it reads every document of the outbox's collections.
         */
        @WithDefault("15m")
        Duration sweepInterval();

        /** How long a MongoDB relay lease lasts without renewal. */
        @WithDefault("10s")
        Duration leaseDuration();
    }
}
