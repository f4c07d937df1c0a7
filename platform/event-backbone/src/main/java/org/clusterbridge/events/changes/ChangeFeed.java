package org.clusterbridge.events.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * This service's own events for partners that keep a copy: pages and live streams read straight from its topic,
 * positioned by {@link ChangeCursor}s. Kafka keeps each aggregate's events in order in one partition, so a reader
 * that resumes from any cursor it was given sees every later event, each aggregate's in order (at least once).
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.changes.enabled", stringValue = "true")
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAGE_POLL = Duration.ofMillis(100);

    private final ChangeFeedConfig config;
    private final String topic;
    private final ChangeConsumers consumers;
    private final CloudEvents cloudEvents;
    private final Semaphore streamSlots;
    private final Set<ChangeStream> streams = ConcurrentHashMap.newKeySet();
    private final ExecutorService pollers;

    ChangeFeed(ChangeFeedConfig config, ChangeConsumers consumers, CloudEvents cloudEvents, MeterRegistry registry) {
        this.config = config;
        this.topic = config.topic().orElseThrow(() -> new IllegalStateException(
                "clusterbridge.changes.enabled=true needs clusterbridge.changes.topic, this service's own topic"));
        this.consumers = consumers;
        this.cloudEvents = cloudEvents;
        this.streamSlots = new Semaphore(config.maxStreams());
        AtomicInteger threads = new AtomicInteger();
        // At most one poll per open stream is under way, and the slots bound the streams.
        this.pollers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "change-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("clusterbridge.change.streams", streams, Set::size)
                .description("Server-Sent Event streams of the change feed open on this instance").register(registry);
    }

    public String topic() {
        return topic;
    }

    /** At most {@code limit} of the events after {@code after} that are on the topic now; never waits for more. */
    public ChangePage page(ChangeCursor after, int limit) {
        KafkaConsumer<String, String> consumer = consumers.borrow();
        ChangePage page;
        try {
            page = read(consumer, after, limit);
        } catch (InvalidCursorException e) {
            consumers.giveBack(consumer);
            throw e;
        } catch (RuntimeException e) {
            ChangeConsumers.close(consumer);
            throw unavailable(e);
        }
        consumers.giveBack(consumer);
        return page;
    }

    /**
     * A live stream of the events after {@code after}, positioned now (so a bad cursor fails here); it holds one of
     * the instance's stream slots until it terminates.
     */
    ChangeStream open(ChangeCursor after) {
        if (!streamSlots.tryAcquire()) {
            throw new ChangeFeedUnavailableException("too-many-change-streams", "this instance already serves "
                    + config.maxStreams() + " change streams; retry later, or read pages of GET /api/changes", null);
        }
        KafkaConsumer<String, String> consumer = consumers.create();
        try {
            Start start = position(consumer, after);
            ChangeStream stream = new ChangeStream(consumer, cursor(start.from()), this::event, pollers,
                    config.streamPoll(), this::closed);
            streams.add(stream);
            return stream;
        } catch (RuntimeException e) {
            ChangeConsumers.close(consumer);
            streamSlots.release();
            throw e instanceof InvalidCursorException ? e : unavailable(e);
        }
    }

    private void closed(ChangeStream stream) {
        streams.remove(stream);
        streamSlots.release();
    }

    private ChangePage read(KafkaConsumer<String, String> consumer, ChangeCursor after, int limit) {
        Start start = position(consumer, after);
        Map<Integer, Long> next = new TreeMap<>();
        start.from().forEach((partition, offset) -> next.put(partition.partition(), offset));
        List<ChangeEvent> items = new ArrayList<>();
        long deadline = System.nanoTime() + config.pageTimeout().toNanos();
        while (items.size() < limit && behind(next, start.end()) && System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(PAGE_POLL);
            boolean whole = true;
            for (ConsumerRecord<String, String> record : records) {
                if (items.size() == limit) {
                    whole = false;
                    break;
                }
                next.put(record.partition(), record.offset() + 1);
                event(record).ifPresent(items::add);
            }
            if (whole) {
                // Every record polled is in the page: the position may also skip offsets compaction emptied.
                for (TopicPartition partition : start.end().keySet()) {
                    next.merge(partition.partition(), consumer.position(partition), Math::max);
                }
            }
        }
        return new ChangePage(items, ChangeCursor.of(next).encode());
    }

    private static boolean behind(Map<Integer, Long> next, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().anyMatch(entry -> next.get(entry.getKey().partition()) < entry.getValue());
    }

    /** Where a reader starts in each partition, and where each partition ends now. */
    private record Start(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
    }

    /** Assigns every partition of the topic to {@code consumer} and seeks each to the cursor's offset. */
    private Start position(KafkaConsumer<String, String> consumer, ChangeCursor after) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, KAFKA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new ChangeFeedUnavailableException("change-feed-unavailable", "topic " + topic
                    + " does not exist yet", null);
        }
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
        Set<Integer> known = Set.copyOf(partitions.stream().map(TopicPartition::partition).toList());
        for (Integer partition : after.offsets().keySet()) {
            if (!known.contains(partition)) {
                throw new InvalidCursorException("names partition " + partition + ", which this feed's topic does "
                        + "not have");
            }
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
        List<TopicPartition> fromBeginning = partitions.stream()
                .filter(partition -> !after.offsets().containsKey(partition.partition())).toList();
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : fromBeginning) {
            if (after.atEnd()) {
                from.put(partition, end.get(partition));
            }
        }
        if (!after.atEnd() && !fromBeginning.isEmpty()) {
            from.putAll(consumer.beginningOffsets(fromBeginning, KAFKA_TIMEOUT));
        }
        for (TopicPartition partition : partitions) {
            Long offset = after.offsets().get(partition.partition());
            if (offset != null && offset > end.get(partition)) {
                throw new InvalidCursorException("points past the end of partition " + partition.partition()
                        + "; start again without a cursor");
            }
            if (offset != null) {
                from.put(partition, offset);
            }
        }
        consumer.assign(partitions);
        from.forEach(consumer::seek);
        return new Start(Map.copyOf(from), Map.copyOf(end));
    }

    private static ChangeCursor cursor(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> byPartition = new HashMap<>();
        offsets.forEach((partition, offset) -> byPartition.put(partition.partition(), offset));
        return ChangeCursor.of(byPartition);
    }

    /** The record as a feed event; a record that is not a CloudEvents envelope is no change and is left out. */
    private Optional<ChangeEvent> event(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            CloudEvent event = cloudEvents.read(record.value());
            return Optional.of(new ChangeEvent(event.type(), record.value()));
        } catch (CloudEvents.MalformedEventException e) {
            LOG.debugf("change feed skips %s-%d@%d: %s", topic, record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    private static RuntimeException unavailable(RuntimeException e) {
        if (e instanceof TimeoutException) {
            return new ChangeFeedUnavailableException("change-feed-unavailable",
                    "Kafka did not answer in time; retry later", e);
        }
        return e;
    }

    @PreDestroy
    void stop() {
        List.copyOf(streams).forEach(ChangeStream::close);
        pollers.shutdown();
        try {
            pollers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
