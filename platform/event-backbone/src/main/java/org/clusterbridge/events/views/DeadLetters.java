package org.clusterbridge.events.views;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clusterbridge.events.views.ViewEvents.Outcome;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.common.annotation.Identifier;

/**
 * The dead-letter topic of a view's channel: what lies there, and a replay that applies each record through
 * the view again once its cause is mended (a view that learned a new event shape, a store that is back). The
 * version gate makes a replay safe to repeat; the records stay on the topic.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final ViewEvents viewEvents;
    private final Map<String, Object> kafkaConfig;

    DeadLetters(ViewEvents viewEvents, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.viewEvents = viewEvents;
        this.kafkaConfig = kafkaConfig;
    }

    /** One record that a view refused, with where it came from and why. */
    public record DeadLetter(long offset, String key, Instant time, String reason, String sourceTopic,
            Integer sourcePartition, Long sourceOffset, String value) {
    }

    /** The dead-letter topic configured for {@code channel}, if it has one. */
    public static Optional<String> topic(String channel) {
        return ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
    }

    /** Every record on {@code topic}, oldest first. */
    public List<DeadLetter> read(String topic) {
        List<DeadLetter> letters = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(letter(record)));
            }
        }
        return letters;
    }

    /** Applies every record of the channel's dead-letter topic through {@code views}; counts the outcomes. */
    public Map<Outcome, Integer> replay(String topic, List<InboundView<?, ?>> views) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (DeadLetter letter : read(topic)) {
            for (InboundView<?, ?> view : views) {
                outcomes.merge(viewEvents.handle(view, letter.value()), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    private static DeadLetter letter(ConsumerRecord<String, String> record) {
        String partition = header(record, "dead-letter-partition");
        String offset = header(record, "dead-letter-offset");
        return new DeadLetter(record.offset(), record.key(), Instant.ofEpochMilli(record.timestamp()),
                header(record, "dead-letter-reason"), header(record, "dead-letter-topic"),
                partition == null ? null : Integer.valueOf(partition), offset == null ? null : Long.valueOf(offset),
                record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
