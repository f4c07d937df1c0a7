package org.clusterbridge.events.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.events.BackboneConfig;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.outbox.EventPublisher;
import org.clusterbridge.events.outbox.OutboxRelay;
import org.clusterbridge.events.outbox.OutboxStore;
import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.clusterbridge.events.sample.Keys;
import org.clusterbridge.events.sample.SampleService;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Several relays on one store, as several instances of a service on one database would run: the service's own
 * relay plus two more per store, all publishing while writers write. Every aggregate's events reach Kafka
 * exactly once and in order.
 */
@QuarkusTest
class ConcurrentRelaysTest {

    private static final int KEYS_PER_STORE = 6;
    private static final int CHANGES_PER_KEY = 25;

    @Inject
    SampleService samples;
    @Inject
    PostgresOutbox postgresOutbox;
    @Inject
    MongoOutbox mongoOutbox;
    @Inject
    EventPublisher publisher;
    @Inject
    OutboxRelay relay;
    @Inject
    MongoClient mongo;
    @Inject
    CloudEvents cloudEvents;
    @Inject
    BackboneConfig config;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anInstanceThatStopsHandsItsRelayLeaseToTheOthersAtOnce() {
        MongoOutbox other = new MongoOutbox(mongo, database, List.of("samples"), cloudEvents, relay, config);
        try {
            // This instance renews its lease on every pass; only its release lets another one in before it ends.
            mongoOutbox.relayBatch(10, publisher);
            assertThat(other.relayBatch(10, publisher)).isEqualTo(OutboxStore.HELD_ELSEWHERE);
            mongoOutbox.releaseRelay();
            await().atMost(Duration.ofSeconds(3)).until(() -> other.relayBatch(10, publisher) >= 0);
            assertThat(mongoOutbox.relayBatch(10, publisher)).isEqualTo(OutboxStore.HELD_ELSEWHERE);
        } finally {
            other.releaseRelay();
        }
    }

    /**
     * The notes of pending documents: a writer that died once its write was stored leaves the note it wrote while
     * building the write, and the relay publishes its event; a document whose event no note names (written before
     * the notes existed) is found by the sweep of a relay that takes the lease over; an acknowledged write too is
     * published once. Each is published once and leaves no note behind.
     */
    @Test
    void notedDocumentsAndThoseTheSweepFindsArePublishedOnceAndLeaveNoNote() {
        var notes = mongo.getDatabase(database).getCollection(MongoOutbox.NOTES);

        UUID died = UUID.randomUUID();
        samples.writeDocumentAndDie(died, "died after its write");
        assertThat(notes.find(Filters.eq("_id", died.toString())).first()).as("note written with the write")
                .isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> records(died).size() == 1
                && notes.find(Filters.eq("_id", died.toString())).first() == null);

        UUID unnoted = UUID.randomUUID();
        samples.writeDocumentAndDie(unnoted, "written before the notes");
        notes.deleteOne(Filters.eq("_id", unnoted.toString()));
        MongoOutbox other = new MongoOutbox(mongo, database, List.of("samples"), cloudEvents, relay, config);
        try {
            mongoOutbox.releaseRelay();
            await().atMost(Duration.ofSeconds(10)).until(() -> other.relayBatch(10, publisher) >= 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> !records(unnoted).isEmpty());
            assertThat(records(unnoted)).as("events of %s on the topic", unnoted).hasSize(1);
            assertThat(notes.find(Filters.eq("_id", unnoted.toString())).first()).isNull();
        } finally {
            other.releaseRelay();
        }

        UUID noted = UUID.randomUUID();
        samples.writeDocument(noted, "noted");
        await().atMost(Duration.ofSeconds(30)).until(() -> records(noted).size() == 1
                && notes.find(Filters.eq("_id", noted.toString())).first() == null);
        for (UUID id : List.of(died, unnoted, noted)) {
            assertThat(mongo.getDatabase(database).getCollection("samples").find(Filters.eq("_id", id.toString()))
                    .first().getList(MongoOutbox.FIELD, Object.class)).as("outbox of %s", id).isEmpty();
            assertThat(records(id)).as("events of %s", id).hasSize(1);
        }
    }

    private List<ConsumerRecord<String, String>> records(UUID key) {
        return TopicRecords.readAll(bootstrapServers, SampleService.TOPIC).stream()
                .filter(record -> key.toString().equals(record.key())).toList();
    }

    @Test
    void relaysOfSeveralInstancesNeverPublishAnEventTwiceOrOutOfOrder() throws Exception {
        // The other instances: relays with their own transactions (PostgreSQL) and their own lease owner (MongoDB).
        List<OutboxStore> otherInstances = List.of(postgresOutbox, postgresOutbox,
                new MongoOutbox(mongo, database, List.of("samples"), cloudEvents, relay, config),
                new MongoOutbox(mongo, database, List.of("samples"), cloudEvents, relay, config));
        List<UUID> relational = Keys.ids(KEYS_PER_STORE);
        List<UUID> documents = Keys.ids(KEYS_PER_STORE);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger heldElsewhere = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(otherInstances.size() + 2);
        try {
            List<Future<?>> relays = new ArrayList<>();
            for (OutboxStore store : otherInstances) {
                relays.add(pool.submit(() -> {
                    while (writing.get() || store.pendingCount() > 0) {
                        if (store.relayBatch(7, publisher) == OutboxStore.HELD_ELSEWHERE) {
                            heldElsewhere.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<?> relationalWriter = pool.submit(() -> write(relational, false));
            Future<?> documentWriter = pool.submit(() -> write(documents, true));
            relationalWriter.get();
            documentWriter.get();
            writing.set(false);
            for (Future<?> running : relays) {
                running.get();
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);

        ObjectMapper json = new ObjectMapper();
        Map<String, List<Long>> sequences = TopicRecords.readAll(bootstrapServers, SampleService.TOPIC).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(record -> {
                    try {
                        return json.readTree(record.value()).path("sequence").asLong();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, Collectors.toList())));
        List<Long> expected = LongStream.rangeClosed(1, CHANGES_PER_KEY).boxed().toList();
        for (UUID id : Keys.concat(relational, documents)) {
            assertThat(sequences.get(id.toString())).as("events of %s", id).containsExactlyElementsOf(expected);
        }
        assertThat(heldElsewhere.get()).as("relays that found another instance relaying").isPositive();
    }

    private Void write(List<UUID> ids, boolean documents) {
        for (int change = 1; change <= CHANGES_PER_KEY; change++) {
            for (UUID id : ids) {
                if (documents) {
                    samples.writeDocument(id, "change " + change);
                } else {
                    samples.write(id, "change " + change);
                }
            }
        }
        return null;
    }
}
