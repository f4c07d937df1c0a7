package org.clusterbridge.events.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.clusterbridge.events.BackboneConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the system's topics when they are missing: keyed by aggregate id and compacted, since every event
 * carries the aggregate's whole state and the latest one per key is enough to rebuild a view; and the
 * dead-letter topics of its incoming channels, which keep every record. Runs in the background, so a service
 * starts (and reports Kafka as down) while the broker is away.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final BackboneConfig config;
    private final Map<String, Object> kafkaConfig;
    private volatile boolean ready;

    @Inject
    TopicInitializer(BackboneConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::createUntilDone, "topic-initializer");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean ready() {
        return ready;
    }

    /** Creates the missing topics; returns the names it created. */
    public Set<String> ensureTopics() throws ExecutionException, InterruptedException {
        Map<String, Object> adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<String, String> eventTopic = topicConfig(TopicConfig.CLEANUP_POLICY_COMPACT);
            // Dead letters are kept one by one: compaction would keep only the last one of an aggregate.
            Map<String, String> deadLetterTopic = topicConfig(TopicConfig.CLEANUP_POLICY_DELETE);
            List<NewTopic> missing = new ArrayList<>();
            config.topics().stream().filter(topic -> !existing.contains(topic))
                    .forEach(topic -> missing.add(newTopic(topic, eventTopic)));
            deadLetterTopics().stream().filter(topic -> !existing.contains(topic))
                    .forEach(topic -> missing.add(newTopic(topic, deadLetterTopic)));
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("Kafka did not answer in time", e);
        }
    }

    private NewTopic newTopic(String name, Map<String, String> topicConfig) {
        return new NewTopic(name, config.partitions(), config.replicationFactor()).configs(topicConfig);
    }

    /** The dead-letter topics of this service's incoming channels ({@code dead-letter-queue.topic}). */
    static Set<String> deadLetterTopics() {
        Config mp = ConfigProvider.getConfig();
        Set<String> topics = new TreeSet<>();
        for (String name : mp.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                mp.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
    }

    /** The cleanup policy given, and as many in-sync replicas as configured before a write counts. */
    private Map<String, String> topicConfig(String cleanupPolicy) {
        Map<String, String> topicConfig = new HashMap<>();
        topicConfig.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        if (TopicConfig.CLEANUP_POLICY_DELETE.equals(cleanupPolicy)) {
            topicConfig.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        config.minInsyncReplicas().ifPresent(
                replicas -> topicConfig.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replicas)));
        return Map.copyOf(topicConfig);
    }

    private void createUntilDone() {
        long backoff = 200;
        while (!ready) {
            try {
                Set<String> created = ensureTopics();
                if (!created.isEmpty()) {
                    LOG.infof("created topics %s", created);
                }
                ready = true;
            } catch (ExecutionException e) {
                LOG.debugf("topics not created yet: %s", e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
