package org.clusterbridge.events.changes;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;

/**
 * Kafka consumers for the change feed, from the service's {@code kafka.*} settings: no group and no commits,
 * since a reader's position is its cursor. Page readers reuse a few idle consumers; a stream owns its own.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.changes.enabled", stringValue = "true")
public class ChangeConsumers {

    /** The largest page; a poll never returns more than one page can hold. */
    static final int MAX_RECORDS = 1000;

    private final Map<String, Object> kafkaConfig;
    private final BlockingQueue<KafkaConsumer<String, String>> idle;

    ChangeConsumers(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ChangeFeedConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, config.idleConsumers()));
    }

    public KafkaConsumer<String, String> create() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key) || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "change-feed-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A cursor below the log start (records removed by retention) reads on from the oldest record kept.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_RECORDS);
        // The broker answers a fetch as soon as one record is there; this only bounds an empty fetch.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** An idle consumer, or a new one. */
    public KafkaConsumer<String, String> borrow() {
        KafkaConsumer<String, String> consumer = idle.poll();
        return consumer != null ? consumer : create();
    }

    /** Keeps a consumer that served a page well for the next one, or closes it when enough are idle. */
    public void giveBack(KafkaConsumer<String, String> consumer) {
        if (!idle.offer(consumer)) {
            close(consumer);
        }
    }

    public static void close(KafkaConsumer<String, String> consumer) {
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        } catch (RuntimeException e) {
            // Closing a consumer whose broker is away must not fail the request or the shutdown.
        }
    }

    @PreDestroy
    void closeIdle() {
        KafkaConsumer<String, String> consumer;
        while ((consumer = idle.poll()) != null) {
            close(consumer);
        }
    }
}
