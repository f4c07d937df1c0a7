package org.clusterbridge.mou.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.mongodb.MongoViewGate;
import org.clusterbridge.events.views.ViewEvents.Outcome;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.events.ClusterView;
import org.clusterbridge.mou.store.ClusterViewStore;
import org.clusterbridge.testing.EventSchemas;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;

import io.quarkus.test.junit.QuarkusTest;

/** The cluster view kept from cluster-events: names at read time, the version gate, retirement. */
@QuarkusTest
class ClusterViewTest {

    @Inject
    ClusterView view;
    @Inject
    ViewEvents viewEvents;
    @Inject
    CloudEvents cloudEvents;
    @Inject
    ClusterViewStore store;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRenamedClusterShowsItsNewNameWithoutRewritingAgreements() {
        UUID id = UUID.randomUUID();
        String slug = ClusterEvents.slug("renamed");
        ClusterEvents.register(ClusterEvents.state(id, slug, "Kobe Biomedical Innovation Cluster", "JP", "CLUSTER",
                List.of(), "ACTIVE", 1));
        UUID other = ClusterEvents.cluster("Other party", "FR");
        String agreement = create(body(id, other, LocalDate.of(2022, 3, 22)));

        ClusterEvents.publish(id.toString(), ClusterEvents.event("updated", ClusterEvents.state(id, slug,
                "Foundation for Biomedical Research and Innovation at Kobe", "JP", "FOUNDATION", List.of(), "ACTIVE",
                2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/agreements/" + agreement)
                .then().body("parties[0].names.en", equalTo("Foundation for Biomedical Research and Innovation at Kobe"))
                .body("parties[0].kind", equalTo("FOUNDATION")));
        given().get("/api/agreements/" + agreement).then().body("version", equalTo(1))
                .body("signatories[0].clusterNames.en", equalTo(
                        "Foundation for Biomedical Research and Innovation at Kobe"));
    }

    @Test
    void duplicateAndOlderEventsChangeNothing() {
        UUID id = UUID.randomUUID();
        String slug = ClusterEvents.slug("gated");
        String v1 = ClusterEvents.event("registered", ClusterEvents.state(id, slug, "First name", "BE", "CLUSTER",
                List.of(), "ACTIVE", 1));
        String v2 = ClusterEvents.event("updated", ClusterEvents.state(id, slug, "Second name", "BE", "CLUSTER",
                List.of(), "ACTIVE", 2));
        String v3 = ClusterEvents.event("updated", ClusterEvents.state(id, slug, "Third name", "BE", "CLUSTER",
                List.of(), "ACTIVE", 3));

        assertThat(viewEvents.handle(view, v1)).isEqualTo(Outcome.APPLIED);
        assertThat(viewEvents.handle(view, v3)).isEqualTo(Outcome.APPLIED);
        assertThat(viewEvents.handle(view, v2)).as("older event").isEqualTo(Outcome.STALE);
        assertThat(viewEvents.handle(view, v3)).as("duplicate").isEqualTo(Outcome.STALE);
        assertThat(viewEvents.handle(view, v1)).as("replayed first event").isEqualTo(Outcome.STALE);
        assertThat(store.find(id)).get().extracting(ClusterSummary::name, ClusterSummary::version)
                .containsExactly("Third name", 3L);

        // The same through the topic, in the worst order: the view stays at version 3.
        ClusterEvents.publish(id.toString(), v2, v1, v3);
        String marker = ClusterEvents.event("updated", ClusterEvents.state(id, slug, "Fourth name", "BE",
                "CLUSTER", List.of(), "ACTIVE", 4));
        ClusterEvents.publish(id.toString(), marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().version() == 4);
        assertThat(store.find(id).orElseThrow().name()).isEqualTo("Fourth name");
    }

    /**
     * A document stored before the view embedded its state in {@code latest} (flat, its sequence beside the state)
     * is moved into the gate's shape: read as before, found by its slug, and still gated by its sequence.
     */
    @Test
    void aDocumentStoredFlatIsMovedIntoTheGatesShapeAndStaysGated() {
        UUID id = UUID.randomUUID();
        String slug = ClusterEvents.slug("flat");
        var collection = mongo.getDatabase(database).getCollection(ClusterViewStore.COLLECTION);
        collection.insertOne(new Document("_id", id.toString()).append("slug", slug)
                .append("names", new Document("en", "Stored flat")).append("kind", "CLUSTER").append("country", "SE")
                .append("status", "ACTIVE").append("memberClusterIds", List.of()).append("version", 2L)
                .append("sequence", 2L));

        assertThat(store.embedFlatDocuments()).isPositive();
        assertThat(collection.find(new Document("_id", id.toString())).first().keySet())
                .containsExactlyInAnyOrder("_id", MongoViewGate.LATEST);
        assertThat(store.find(id)).get().extracting(ClusterSummary::name, ClusterSummary::country,
                ClusterSummary::version).containsExactly("Stored flat", "SE", 2L);
        assertThat(store.findBySlug(slug)).isPresent();
        assertThat(store.inCountry("SE")).contains(id);

        assertThat(viewEvents.handle(view, ClusterEvents.event("updated", ClusterEvents.state(id, slug, "Older",
                "SE", "CLUSTER", List.of(), "ACTIVE", 1)))).as("older than the moved state").isEqualTo(Outcome.STALE);
        assertThat(viewEvents.handle(view, ClusterEvents.event("updated", ClusterEvents.state(id, slug, "Newer",
                "SE", "CLUSTER", List.of(), "ACTIVE", 3)))).isEqualTo(Outcome.APPLIED);
        assertThat(store.find(id)).get().extracting(ClusterSummary::name).isEqualTo("Newer");
        assertThat(store.embedFlatDocuments()).as("nothing left to move").isZero();
    }

    /**
     * Records sent together arrive in one poll, which the view stores as one bulk write: of each cluster's events
     * the newest wins, an event older than the stored document changes nothing, and an unreadable record among
     * them goes alone to the dead-letter topic.
     */
    @Test
    void aBurstOfEventsKeepsTheNewestOfEachClusterAndRefusesOnlyItsUnreadableRecord() {
        UUID stored = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String storedSlug = ClusterEvents.slug("burst-stored");
        assertThat(viewEvents.handle(view, ClusterEvents.event("registered", ClusterEvents.state(stored, storedSlug,
                "Stored at five", "FR", "CLUSTER", List.of(), "ACTIVE", 5)))).isEqualTo(Outcome.APPLIED);
        String garbage = "{ not an event of the burst " + UUID.randomUUID();
        List<String> burst = List.of(
                burstEvent(first, "First, version one", 1),
                burstEvent(second, "Second, version one", 1),
                burstEvent(first, "First, version three", 3),
                burstEvent(stored, "Stored, older", 4),
                garbage,
                burstEvent(first, "First, version two", 2),
                burstEvent(second, "Second, version two", 2));
        ClusterEvents.publish(first.toString(), burst.toArray(String[]::new));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(store.find(first)).get().extracting(ClusterSummary::name, ClusterSummary::version)
                    .containsExactly("First, version three", 3L);
            assertThat(store.find(second)).get().extracting(ClusterSummary::name, ClusterSummary::version)
                    .containsExactly("Second, version two", 2L);
            assertThat(TopicRecords.readAll(bootstrapServers, "cluster-events.mou-service.dead-letters"))
                    .anySatisfy(record -> assertThat(record.value()).isEqualTo(garbage));
        });
        assertThat(store.find(stored)).get().extracting(ClusterSummary::name, ClusterSummary::version)
                .containsExactly("Stored at five", 5L);
    }

    private static String burstEvent(UUID id, String name, long version) {
        return ClusterEvents.event(version == 1 ? "registered" : "updated", ClusterEvents.state(id,
                "burst-" + id, name, "DE", "CLUSTER", List.of(), "ACTIVE", version));
    }

    @Test
    void aRetiredClusterCannotBecomeAParty() {
        UUID id = UUID.randomUUID();
        String slug = ClusterEvents.slug("retiring");
        ClusterEvents.register(ClusterEvents.state(id, slug, "Retiring cluster", "DE", "CLUSTER", List.of(),
                "ACTIVE", 1));
        UUID other = ClusterEvents.cluster("Partner", "DE");
        create(body(id, other, LocalDate.of(2020, 1, 1)));
        ClusterEvents.publish(id.toString(), ClusterEvents.event("retired", ClusterEvents.state(id, slug,
                "Retiring cluster", "DE", "CLUSTER", List.of(), "RETIRED", 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().retired());
        post(body(other, id, LocalDate.of(2021, 1, 1))).statusCode(422)
                .body("errors[0].field", equalTo("parties[1].clusterId"))
                .body("errors[0].message", containsString("Retiring cluster"));
    }

    @Test
    void unreadableRecordsAreSkipped() {
        UUID id = UUID.randomUUID();
        ClusterEvents.publish(id.toString(), "not json", "{\"specversion\":\"1.0\"}");
        ClusterEvents.register(ClusterEvents.state(id, ClusterEvents.slug("after-garbage"), "After garbage", "IT",
                "CLUSTER", List.of(), "ACTIVE", 1));
        assertThat(store.find(id)).isPresent();
    }

    @Test
    void contractExamplesOfClusterEventsApply() {
        for (String example : EventSchemas.examples("cluster", "registered", "updated", "retired")) {
            assertThat(viewEvents.handle(view, example)).as(example).isIn(Outcome.APPLIED, Outcome.STALE);
            assertThat(store.find(UUID.fromString(cloudEvents.read(example).subject()))).as(example).isPresent();
        }
        // Also one event with only the contract's required fields.
        UUID id = UUID.randomUUID();
        Map<String, Object> minimal = new java.util.LinkedHashMap<>(Map.of("id", id.toString(), "slug", "minimal-"
                + id.toString().substring(0, 8), "names", Map.of("en", "Minimal"), "kind", "CLUSTER", "country", "JP",
                "status", "ACTIVE", "memberClusterIds", List.of(), "focusAreas", List.of(), "version", 1));
        String event = ClusterEvents.event("registered", new ObjectMapper().valueToTree(minimal));
        assertThat(viewEvents.handle(view, event)).isEqualTo(Outcome.APPLIED);
        assertThat(store.find(id)).get().extracting(ClusterSummary::country).isEqualTo("JP");
    }

    @Test
    void theViewCanBeRebuiltFromTheTopic() {
        UUID id = ClusterEvents.cluster("Rebuilt", "NL");
        var collection = mongo.getDatabase(database).getCollection(ClusterViewStore.COLLECTION);
        given().post("/api/admin/views/cluster-events/rebuild").then().statusCode(200)
                .body("channel", equalTo("cluster-events"));
        await().atMost(Duration.ofSeconds(60)).until(() -> collection.find(new Document("_id", id.toString()))
                .first() != null);
        assertThat(store.find(id).orElseThrow().name()).isEqualTo("Rebuilt");
    }
}
