package org.clusterbridge.events.changes;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The change feed a service offers partners: {@code GET /api/changes} over its own topic. */
@ConfigMapping(prefix = "clusterbridge.changes")
public interface ChangeFeedConfig {

    /** Build time: whether the service serves {@code /api/changes} at all. */
    @WithDefault("false")
    boolean enabled();

    /** The topic of this service's own events, for example {@code cluster-events}; required when enabled. */
    Optional<String> topic();

    /** How long a page may take to collect what is on the topic now; a slower broker gives a shorter page. */
    @WithDefault("2s")
    Duration pageTimeout();

    /** How long one poll of a stream waits for new records: bounds the delay before a new change is pushed. */
    @WithDefault("200ms")
    Duration streamPoll();

    /** A quiet stream sends an SSE comment this often, so proxies keep it open and a gone client is noticed. */
    @WithDefault("15s")
    Duration keepAlive();

    /** Server-Sent Event streams this instance keeps open at once; one more gets a 503 problem. */
    @WithDefault("64")
    int maxStreams();

    /** Consumers kept between page requests, so a page does not pay for a new connection to Kafka. */
    @WithDefault("4")
    int idleConsumers();
}
