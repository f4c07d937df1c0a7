package org.clusterbridge.events.views;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.clusterbridge.events.views.ViewGate.Gated;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies the incoming records of {@link InboundView}s. A record is acknowledged (and its offset committed) only
 * after the view was stored. Transient failures are retried with back-off; a record that can never be applied is
 * counted, logged and refused, so that it goes to the channel's dead-letter topic and cannot block its partition.
 *
 * <p>Channels are read in batches (one Kafka poll, {@link #consume(KafkaRecordBatch, List)}): each view stores a
 * batch through one call of its gate (one transaction, or one bulk write), keeping of the events about one
 * aggregate only the one with the highest sequence, since every event carries its aggregate's whole state. When a
 * batch cannot be stored, its records are applied one by one, so that only a record that itself fails is refused.
 */
@ApplicationScoped
public class ViewEvents {

    private static final Logger LOG = Logger.getLogger(ViewEvents.class);
    private static final int ATTEMPTS = 8;
    private static final int BATCH_ATTEMPTS = 3;

    private final CloudEvents cloudEvents;
    private final MeterRegistry registry;
    private final Instance<Object> beans;
    private final Map<Class<?>, ViewGate<?>> gates = new ConcurrentHashMap<>();
    /** Meters by view (and outcome): looked up once, since a rebuild counts tens of thousands of events a second. */
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();
    private final Map<String, Map<Outcome, Counter>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> batchSizes = new ConcurrentHashMap<>();

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
        return lags.computeIfAbsent(view, name -> Timer.builder("clusterbridge.view.lag")
                .description("Time from a change's commit in its owner to its application to this view")
                .tag("view", name)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(3))
                .distributionStatisticBufferLength(3)
                .register(registry));
    }

    /**
     * Consumes one batch of a channel (the {@code @Incoming} method of a channel read with {@code batch=true}
     * returns this) for each of {@code views}. Each view's writes are stored first; then every record that some
     * view can never apply is refused on its own (to the dead-letter topic, which commits it); then the batch is
     * acknowledged, which commits the last offset of each partition.
     */
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch, List<InboundView<?, ?>> views) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (!views.isEmpty()) {
            batchSizes.computeIfAbsent(views.get(0).spec().channel(), channel -> DistributionSummary
                    .builder("clusterbridge.view.batch.records")
                    .description("Records of one poll that the views of a channel stored together")
                    .tag("channel", channel).register(registry)).record(records.size());
        }
        Map<Integer, RuntimeException> refused = new LinkedHashMap<>();
        for (InboundView<?, ?> view : views) {
            store(view, records, refused);
        }
        CompletableFuture<?>[] refusals = refused.entrySet().stream()
                .map(entry -> records.get(entry.getKey()).nack(entry.getValue()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(refusals).thenCompose(done -> batch.ack());
    }

    private <T, W> void store(InboundView<T, W> view, List<KafkaRecord<String, String>> records,
            Map<Integer, RuntimeException> refused) {
        Map<String, Integer> latest = new LinkedHashMap<>();
        Map<Integer, Gated<W>> prepared = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Prepared<W> one = prepare(view, records.get(i).getPayload());
            if (one.result() != null) {
                if (one.result().outcome() == Outcome.MALFORMED) {
                    deadLetter(view);
                    refused.putIfAbsent(i, new UnreadableRecordException(
                            "view " + view.spec().name() + " cannot apply this record: " + one.result().reason()));
                }
                continue;
            }
            prepared.put(i, one.gated());
            latest.merge(one.gated().event().subject(), i, (kept, next) -> {
                boolean newer = prepared.get(next).event().sequence() > prepared.get(kept).event().sequence();
                count(view, Outcome.STALE);
                return newer ? next : kept;
            });
        }
        List<Integer> indexes = new ArrayList<>(latest.values());
        List<Gated<W>> writes = indexes.stream().map(prepared::get).toList();
        if (writes.isEmpty()) {
            return;
        }
        List<Boolean> applied = storeTogether(view, writes);
        if (applied != null) {
            for (int i = 0; i < writes.size(); i++) {
                applied(view, writes.get(i).event(), applied.get(i));
            }
            return;
        }
        for (int i = 0; i < writes.size(); i++) {
            try {
                Result result = gated(view, writes.get(i).event(), writes.get(i).write());
                if (result.outcome() == Outcome.MALFORMED) {
                    deadLetter(view);
                    refused.putIfAbsent(indexes.get(i), new UnreadableRecordException(
                            "view " + view.spec().name() + " cannot apply this record: " + result.reason()));
                }
            } catch (RuntimeException stillFailing) {
                deadLetter(view);
                refused.putIfAbsent(indexes.get(i), stillFailing);
            }
        }
    }

    /** The batch's writes through one call of the gate, retried; {@code null} when they could not be stored. */
    private <W> List<Boolean> storeTogether(InboundView<?, W> view, List<Gated<W>> writes) {
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                return gate(view).applyAll(view.spec().name(), writes);
            } catch (MalformedEventException e) {
                return null;
            } catch (RuntimeException e) {
                LOG.warnf("view %s could not store a batch of %d events (attempt %d): %s", view.spec().name(),
                        writes.size(), attempt, e.getMessage());
                if (attempt >= BATCH_ATTEMPTS || !pause(backoff)) {
                    return null;
                }
                backoff *= 2;
            }
        }
    }

    private void deadLetter(InboundView<?, ?> view) {
        deadLetters.computeIfAbsent(view.spec().name(), name -> registry.counter("clusterbridge.view.dead.letters",
                "view", name, "channel", view.spec().channel())).increment();
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
        Prepared<W> prepared = prepare(view, payload);
        return prepared.result() != null ? prepared.result()
                : gated(view, prepared.gated().event(), prepared.gated().write());
    }

    /** The record read, filtered and checked: its write, or what became of it when it has none. */
    private <T, W> Prepared<W> prepare(InboundView<T, W> view, String payload) {
        CloudEvent event;
        try {
            event = cloudEvents.read(payload);
        } catch (MalformedEventException e) {
            LOG.errorf("view %s skipped an unreadable record: %s", view.spec().name(), e.getMessage());
            return new Prepared<>(malformed(view, e), null);
        }
        if (!view.takes(event)) {
            return new Prepared<>(count(view, Outcome.IGNORED), null);
        }
        try {
            T data = cloudEvents.data(event, view.spec().dataType());
            String lacks = view.lacks(event, data);
            if (lacks != null) {
                throw new MalformedEventException(
                        view.spec().aggregate() + " event " + event.id() + " " + lacks, null);
            }
            return new Prepared<>(null, new Gated<>(event, view.write(event, data)));
        } catch (MalformedEventException e) {
            LOG.errorf("view %s skipped event %s: %s", view.spec().name(), event.id(), e.getMessage());
            return new Prepared<>(malformed(view, e), null);
        }
    }

    /** One event through the gate, retried with back-off while it fails. */
    private <W> Result gated(InboundView<?, W> view, CloudEvent event, W write) {
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                return applied(view, event, gate(view).apply(view.spec().name(), event, write));
            } catch (MalformedEventException e) {
                LOG.errorf("view %s skipped event %s: %s", view.spec().name(), event.id(), e.getMessage());
                return malformed(view, e);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("view %s could not apply event %s (attempt %d): %s", view.spec().name(), event.id(), attempt,
                        e.getMessage());
                if (!pause(backoff)) {
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private Result applied(InboundView<?, ?> view, CloudEvent event, boolean applied) {
        if (applied && event.time() != null) {
            lag(view.spec().name()).record(Duration.between(event.time().toInstant(), Instant.now()));
        }
        return count(view, applied ? Outcome.APPLIED : Outcome.STALE);
    }

    /** Waits before a retry; false when interrupted. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Result count(InboundView<?, ?> view, Outcome outcome) {
        outcomes.computeIfAbsent(view.spec().name(), name -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, counted -> registry.counter("clusterbridge.view.events", "view",
                        view.spec().name(), "outcome", counted.name().toLowerCase(Locale.ROOT)))
                .increment();
        return new Result(outcome, null);
    }

    private Result malformed(InboundView<?, ?> view, MalformedEventException e) {
        count(view, Outcome.MALFORMED);
        return new Result(Outcome.MALFORMED, e.getMessage());
    }

    private record Result(Outcome outcome, String reason) {
    }

    /** A record ready for its gate ({@code gated}), or what became of it ({@code result}). */
    private record Prepared<W>(Result result, Gated<W> gated) {
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
