package org.clusterbridge.events.views;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies the incoming records of {@link InboundView}s. A record is acknowledged (and its offset committed) only
 * after this returns, that is after the view was stored. Transient failures are retried with back-off; a record
 * that can never be applied is counted, logged and refused, so that it goes to the channel's dead-letter topic
 * and cannot block its partition.
 */
@ApplicationScoped
public class ViewEvents {

    private static final Logger LOG = Logger.getLogger(ViewEvents.class);
    private static final int ATTEMPTS = 8;

    private final CloudEvents cloudEvents;
    private final MeterRegistry registry;
    private final Instance<Object> beans;
    private final Map<Class<?>, ViewGate<?>> gates = new ConcurrentHashMap<>();

    ViewEvents(CloudEvents cloudEvents, MeterRegistry registry, @Any Instance<Object> beans) {
        this.cloudEvents = cloudEvents;
        this.registry = registry;
        this.beans = beans;
    }

    /** Empties the view and forgets what it applied, so that a replay of its topic applies everything again. */
    public void clear(InboundView<?, ?> view) {
        gate(view).reset(view.spec().name(), view::deleteAll);
    }

    @SuppressWarnings("unchecked")
    private <W> ViewGate<W> gate(InboundView<?, W> view) {
        return (ViewGate<W>) gates.computeIfAbsent(view.spec().gate(),
                type -> (ViewGate<?>) beans.select(type).get());
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
     * Consumes one record of {@code view}'s channel (the view's {@code @Incoming} method calls this). A record
     * that can never be applied is refused with its reason, so that the channel's {@code dead-letter-queue}
     * failure strategy moves it to the channel's dead-letter topic, the reason in its headers, and the partition
     * goes on.
     */
    public <T, W> void consume(InboundView<T, W> view, String payload) {
        Result result;
        try {
            result = apply(view, payload);
        } catch (RuntimeException stillFailing) {
            deadLetter(view);
            throw stillFailing;
        }
        if (result.outcome() == Outcome.MALFORMED) {
            deadLetter(view);
            throw new UnreadableRecordException("view " + view.spec().name() + " cannot apply this record: "
                    + result.reason());
        }
    }

    private void deadLetter(InboundView<?, ?> view) {
        registry.counter("clusterbridge.view.dead.letters", "view", view.spec().name(), "channel",
                view.spec().channel()).increment();
    }

    /**
     * Applies one record of {@code view}'s channel: events of other types are ignored, and an event whose
     * envelope or data the view cannot read, or whose data the completeness rule refuses, is counted, logged and
     * skipped.
     */
    public <T, W> Outcome handle(InboundView<T, W> view, String payload) {
        return apply(view, payload).outcome();
    }

    private <T, W> Result apply(InboundView<T, W> view, String payload) {
        CloudEvent event;
        try {
            event = cloudEvents.read(payload);
        } catch (MalformedEventException e) {
            LOG.errorf("view %s skipped an unreadable record: %s", view.spec().name(), e.getMessage());
            return malformed(view, e);
        }
        if (!view.takes(event)) {
            return count(view, Outcome.IGNORED);
        }
        W write;
        try {
            T data = cloudEvents.data(event, view.spec().dataType());
            String lacks = view.lacks(event, data);
            if (lacks != null) {
                throw new MalformedEventException(
                        view.spec().aggregate() + " event " + event.id() + " " + lacks, null);
            }
            write = view.write(event, data);
        } catch (MalformedEventException e) {
            LOG.errorf("view %s skipped event %s: %s", view.spec().name(), event.id(), e.getMessage());
            return malformed(view, e);
        }
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = gate(view).apply(view.spec().name(), event, write);
                if (applied && event.time() != null) {
                    lag(view.spec().name()).record(Duration.between(event.time().toInstant(), Instant.now()));
                }
                return count(view, applied ? Outcome.APPLIED : Outcome.STALE);
            } catch (MalformedEventException e) {
                LOG.errorf("view %s skipped event %s: %s", view.spec().name(), event.id(), e.getMessage());
                return malformed(view, e);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("view %s could not apply event %s (attempt %d): %s", view.spec().name(), event.id(), attempt,
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

    private Result count(InboundView<?, ?> view, Outcome outcome) {
        registry.counter("clusterbridge.view.events", "view", view.spec().name(), "outcome",
                outcome.name().toLowerCase(Locale.ROOT)).increment();
        return new Result(outcome, null);
    }

    private Result malformed(InboundView<?, ?> view, MalformedEventException e) {
        count(view, Outcome.MALFORMED);
        return new Result(Outcome.MALFORMED, e.getMessage());
    }

    private record Result(Outcome outcome, String reason) {
    }

    /** A record no retry can apply; its message is the reason the dead-letter topic's headers carry. */
    public static class UnreadableRecordException extends RuntimeException {
        UnreadableRecordException(String reason) {
            super(reason);
        }
    }

    /** What became of a record. */
    public enum Outcome {
        /** The view stored the event. */
        APPLIED,
        /** The view already held this version of the aggregate or a newer one. */
        STALE,
        /** The view does not take events of this type. */
        IGNORED,
        /** The record or its data can never be applied; it was skipped. */
        MALFORMED
    }
}
