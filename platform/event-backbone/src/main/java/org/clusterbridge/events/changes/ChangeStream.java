package org.clusterbridge.events.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One client's live view of the topic: a consumer of its own, positioned at the client's cursor, polled on a
 * poller thread only when the client is ready for more. The consumer is touched by one thread at a time (the
 * lock); closing never blocks the caller, which may be the event loop noticing the client has gone.
 */
final class ChangeStream {

    private final KafkaConsumer<String, String> consumer;
    private final Function<ConsumerRecord<String, String>, Optional<ChangeEvent>> events;
    private final Executor pollers;
    private final Duration pollTimeout;
    private final Consumer<ChangeStream> onClosed;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private ChangeCursor cursor;
    private boolean closed;

    ChangeStream(KafkaConsumer<String, String> consumer, ChangeCursor start,
            Function<ConsumerRecord<String, String>, Optional<ChangeEvent>> events, Executor pollers,
            Duration pollTimeout, Consumer<ChangeStream> onClosed) {
        this.consumer = consumer;
        this.cursor = start;
        this.events = events;
        this.pollers = pollers;
        this.pollTimeout = pollTimeout;
        this.onClosed = onClosed;
    }

    /**
     * Batches of changes as they reach the topic, an empty batch after each poll that found none; each poll runs
     * on a poller thread when the subscriber asks for more. Ends the stream's consumer however it terminates.
     */
    Multi<List<Change>> batches() {
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(this::poll).runSubscriptionOn(pollers))
                .indefinitely()
                .onTermination().invoke(this::close);
    }

    /** Waits up to the poll timeout for records after the cursor; returns them with the cursor after each. */
    List<Change> poll() {
        lock.lock();
        try {
            if (closed || closing.get()) {
                return List.of();
            }
            ConsumerRecords<String, String> records;
            try {
                records = consumer.poll(pollTimeout);
            } catch (WakeupException e) {
                return List.of();
            }
            List<Change> changes = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> record : records) {
                cursor = cursor.after(record.partition(), record.offset());
                ChangeCursor after = cursor;
                events.apply(record).ifPresent(event -> changes.add(new Change(event, after)));
            }
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the stream: a poll under way returns at once, and the consumer closes on a poller thread. */
    void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        consumer.wakeup();
        try {
            pollers.execute(this::closeNow);
        } catch (RejectedExecutionException e) {
            closeNow();
        }
    }

    /** Closes the consumer once no poll holds it; safe to call more than once. */
    void closeNow() {
        closing.set(true);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            ChangeConsumers.close(consumer);
        } finally {
            lock.unlock();
        }
        onClosed.accept(this);
    }
}
