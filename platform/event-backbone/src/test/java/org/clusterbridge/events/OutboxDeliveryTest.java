package org.clusterbridge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clusterbridge.events.mongodb.MongoViewGate;
import org.clusterbridge.events.outbox.OutboxRelay;
import org.clusterbridge.events.postgresql.OutboxEvent;
import org.clusterbridge.events.sample.CrashingPublisher;
import org.clusterbridge.events.sample.Sample;
import org.clusterbridge.events.sample.Keys;
import org.clusterbridge.events.sample.SampleService;
import org.clusterbridge.events.sample.SampleView;
import org.clusterbridge.events.sample.SampleViews;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.InjectKafkaBroker;
import org.clusterbridge.embedded.KafkaBroker;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class OutboxDeliveryTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Inject
    SampleService samples;
    @Inject
    SampleViews views;
    @Inject
    OutboxRelay relay;
    @Inject
    CrashingPublisher publisher;
    @InjectKafkaBroker
    KafkaBroker broker;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyCommittedChangeProducesExactlyOneSchemaValidEventInOrderPerKey() {
        List<UUID> relational = Keys.ids(4);
        List<UUID> documents = Keys.ids(4);
        for (int round = 1; round <= 10; round++) {
            for (UUID id : relational) {
                samples.write(id, "name " + round);
            }
            for (UUID id : documents) {
                samples.writeDocument(id, "name " + round);
            }
        }
        awaitViews(relational, 10, "name 10");
        awaitMongoViews(documents, 10, "name 10");

        Map<String, List<ConsumerRecord<String, String>>> byKey = recordsByKey();
        for (UUID id : Keys.concat(relational, documents)) {
            List<ConsumerRecord<String, String>> records = byKey.get(id.toString());
            assertThat(records).extracting(record -> sequence(record.value()))
                    .as("events of %s", id).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
            records.forEach(record -> {
                EventSchemas.assertValid(record.value());
                assertThat(new String(record.headers().lastHeader("content-type").value()))
                        .isEqualTo(CloudEvent.CONTENT_TYPE);
            });
        }
    }

    @Test
    void writesSucceedWhileTheBrokerIsDownAndEveryEventArrivesAfterItReturns() {
        Assumptions.assumeTrue(broker != null, "needs the embedded broker, which this test stops");
        List<UUID> relational = Keys.ids(15);
        List<UUID> documents = Keys.ids(15);
        broker.stop();
        try {
            for (UUID id : relational) {
                assertThat(samples.write(id, "during outage")).isEqualTo(1);
            }
            for (UUID id : documents) {
                assertThat(samples.writeDocument(id, "during outage")).isEqualTo(1);
            }
            await().atMost(PROPAGATION).untilAsserted(() -> {
                assertThat(relay.pending()).isGreaterThanOrEqualTo(30);
                assertThat(relay.lastError()).isNotNull();
                Integer reported = RestAssured.get("/q/health/ready").then().extract()
                        .path("checks.find { it.name == 'outbox' }.data.pending");
                assertThat(reported).isGreaterThanOrEqualTo(30);
            });
        } finally {
            broker.start();
        }
        awaitViews(relational, 1, "during outage");
        awaitMongoViews(documents, 1, "during outage");
        Map<String, List<ConsumerRecord<String, String>>> byKey = recordsByKey();
        for (UUID id : Keys.concat(relational, documents)) {
            assertThat(byKey.get(id.toString())).as("events of %s", id).isNotEmpty();
        }
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(relay.pending()).isZero());
    }

    @Test
    void aRelayKilledBetweenPublishAndMarkSentCausesADuplicateThatTheViewsIgnore() {
        UUID relational = UUID.randomUUID();
        samples.write(relational, "before");
        awaitViews(List.of(relational), 1, "before");

        publisher.crashAfterNextPublish();
        samples.write(relational, "after");
        String eventId = eventIds(relational).get(1);
        await().atMost(PROPAGATION).untilAsserted(
                () -> assertThat(views.received().stream().filter(eventId::equals)).hasSize(2));
        assertThat(recordsByKey().get(relational.toString())).extracting(record -> sequence(record.value()))
                .containsExactly(1L, 2L, 2L);
        SampleView view = QuarkusTransaction.requiringNew().call(() -> SampleView.findById(relational));
        assertThat(view.version).isEqualTo(2);
        assertThat(view.name).isEqualTo("after");

        UUID document = UUID.randomUUID();
        publisher.crashAfterNextPublish();
        samples.writeDocument(document, "once");
        awaitMongoViews(List.of(document), 1, "once");
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(recordsByKey().get(document.toString()))
                .extracting(record -> sequence(record.value())).containsExactly(1L, 1L));
        await().atMost(PROPAGATION).until(() -> relay.pending() == 0);
        assertThat(MongoViewGate.state(views.mongoView().find(Filters.eq("_id", document.toString())).first())
                .getLong("version")).isEqualTo(1L);
    }

    @Test
    void aRolledBackTransactionProducesNoEvent() {
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> samples.writeThenFail(rolledBack, "never")).isInstanceOf(IllegalStateException.class);
        Sample stored = QuarkusTransaction.requiringNew().call(() -> Sample.findById(rolledBack));
        assertThat(stored).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", rolledBack.toString())))
                .isZero();

        // The relay publishes in commit order, so once a later write arrived an earlier event would have too.
        UUID marker = UUID.randomUUID();
        samples.write(marker, "marker");
        awaitViews(List.of(marker), 1, "marker");
        assertThat(recordsByKey()).doesNotContainKey(rolledBack.toString());
    }

    @Test
    void replayingTheTopicTwiceLeavesTheViewsIdentical() {
        List<UUID> relational = Keys.ids(5);
        List<UUID> documents = Keys.ids(5);
        for (int round = 1; round <= 3; round++) {
            for (UUID id : relational) {
                samples.write(id, "v" + round);
            }
            for (UUID id : documents) {
                samples.writeDocument(id, "v" + round);
            }
        }
        awaitViews(relational, 3, "v3");
        awaitMongoViews(documents, 3, "v3");
        await().atMost(PROPAGATION).until(() -> relay.pending() == 0);
        int topicSize = TopicRecords.readAll(bootstrapServers, SampleService.TOPIC).size();
        List<String> before = snapshot();

        for (int replay = 1; replay <= 2; replay++) {
            int receivedBefore = views.received().size();
            RestAssured.given().post("/api/admin/views/sample-events/rebuild").then().statusCode(200)
                    .body("views", org.hamcrest.Matchers.contains("SampleViews"));
            await().atMost(PROPAGATION).untilAsserted(() -> {
                assertThat(views.received().size() - receivedBefore).isGreaterThanOrEqualTo(topicSize);
                assertThat(snapshot()).isEqualTo(before);
            });
        }
    }

    @Test
    void rebuildingAnUnknownChannelIsNotFound() {
        RestAssured.given().post("/api/admin/views/no-such-channel/rebuild").then().statusCode(404);
    }

    private List<String> snapshot() {
        List<String> rows = QuarkusTransaction.requiringNew().call(() -> SampleView.<SampleView> listAll().stream()
                .map(view -> "pg " + view.id + " " + view.name + " " + view.version).sorted().toList());
        List<String> documents = new ArrayList<>();
        views.mongoView().find().forEach(document -> documents.add("mongo " + document.get("_id") + " "
                + MongoViewGate.state(document).get("name") + " " + MongoViewGate.state(document).get("version") + " "
                + document.get(MongoViewGate.LATEST, Document.class).get(MongoViewGate.SEQUENCE)));
        documents.sort(String::compareTo);
        return Keys.concat(rows, documents);
    }

    private void awaitViews(List<UUID> ids, long version, String name) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            for (UUID id : ids) {
                SampleView view = QuarkusTransaction.requiringNew().call(() -> SampleView.findById(id));
                assertThat(view).as("view of %s", id).isNotNull();
                assertThat(view.version).isEqualTo(version);
                assertThat(view.name).isEqualTo(name);
            }
        });
    }

    private void awaitMongoViews(List<UUID> ids, long version, String name) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            for (UUID id : ids) {
                Document stored = views.mongoView().find(Filters.eq("_id", id.toString())).first();
                assertThat(stored).as("view of %s", id).isNotNull();
                Document view = MongoViewGate.state(stored);
                assertThat(view.get("version", Number.class).longValue()).isEqualTo(version);
                assertThat(view.getString("name")).isEqualTo(name);
            }
        });
    }

    private List<String> eventIds(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find(
                "aggregateId = ?1 order by id", id.toString()).stream().map(row -> row.eventId.toString()).toList());
    }

    private Map<String, List<ConsumerRecord<String, String>>> recordsByKey() {
        return TopicRecords.readAll(bootstrapServers, SampleService.TOPIC).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
    }

    static long sequence(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("sequence").asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
