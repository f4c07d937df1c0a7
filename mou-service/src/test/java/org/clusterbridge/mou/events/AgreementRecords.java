package org.clusterbridge.mou.events;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.mou.store.AgreementStore;
import org.clusterbridge.testing.EventSchemas;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.quarkus.arc.Arc;

/** The stored agreements and their records on agreement-events, for the tests of what the service emits. */
public final class AgreementRecords {

    private AgreementRecords() {
    }

    /** The {@code agreements} collection as the service stores it. */
    static MongoCollection<Document> documents() {
        Config config = ConfigProvider.getConfig();
        return Arc.container().instance(MongoClient.class).get()
                .getDatabase(config.getValue("quarkus.mongodb.database", String.class))
                .getCollection(AgreementStore.COLLECTION);
    }

    /**
     * Waits until the outbox of every agreement of {@code ids} is empty, then returns their records from the
     * topic, in topic order, each checked against the event schemas.
     */
    public static List<ConsumerRecord<String, String>> awaitSent(Collection<String> ids) {
        MongoCollection<Document> agreements = documents();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> agreements
                .find(new Document("_id", id)).first().getList(MongoOutbox.FIELD, Document.class, List.of())
                .isEmpty()));
        String bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll(bootstrapServers,
                EventTopics.AGREEMENT_EVENTS).stream().filter(r -> ids.contains(r.key())).toList();
        records.forEach(r -> EventSchemas.assertValid(r.value()));
        return records;
    }
}
