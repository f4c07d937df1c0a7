package org.clusterbridge.events.views;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies an incoming record to a view. The record is acknowledged (and its offset committed) only after this
 * returns, that is after the view was stored. Transient failures are retried with back-off; a record that can
 * never be read is counted, logged and skipped so that it cannot block its partition.
 */
@ApplicationScoped
public class ViewEvents {

    private static final Logger LOG = Logger.getLogger(ViewEvents.class);
    private static final int ATTEMPTS = 8;

    private final CloudEvents cloudEvents;
    private final MeterRegistry registry;

    ViewEvents(CloudEvents cloudEvents, MeterRegistry registry) {
        this.cloudEvents = cloudEvents;
        this.registry = registry;
    }

    /** From the event's time (the producer's commit) to the view's commit: the system's propagation delay. */
    private Timer lag(String view) {
        return Timer.builder("clusterbridge.view.lag")
                .description("Time from a change's commit in its owner to its application to this view")
                .tag("view", view)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(3))
                .distributionStatisticBufferLength(3)
                .register(registry);
    }

    /**
     * @param applier applies the event and returns whether it changed the view (false when the gate found it
     *        stale)
     */
    public void handle(String view, String payload, Predicate<CloudEvent> applier) {
        CloudEvent event;
        try {
            event = cloudEvents.read(payload);
        } catch (MalformedEventException e) {
            registry.counter("clusterbridge.view.events", "view", view, "outcome", "malformed").increment();
            LOG.errorf("view %s skipped an unreadable record: %s", view, e.getMessage());
            return;
        }
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = applier.test(event);
                registry.counter("clusterbridge.view.events", "view", view, "outcome",
                        applied ? "applied" : "stale").increment();
                if (applied && event.time() != null) {
                    lag(view).record(Duration.between(event.time().toInstant(), Instant.now()));
                }
                return;
            } catch (MalformedEventException e) {
                registry.counter("clusterbridge.view.events", "view", view, "outcome", "malformed").increment();
                LOG.errorf("view %s skipped event %s: %s", view, event.id(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("view %s could not apply event %s (attempt %d): %s", view, event.id(), attempt,
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
