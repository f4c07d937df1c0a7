package org.clusterbridge.funding.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewEvents.Outcome;
import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.testing.ClusterEventFixtures;
import org.clusterbridge.testing.EventSchemas;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClusterViewTest {

    @Inject
    ClusterView view;
    @Inject
    ViewEvents viewEvents;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theContractsExampleClusterEventsAreStored() {
        java.util.List<String> events = new java.util.ArrayList<>(
                EventSchemas.examples("cluster", "registered", "updated", "retired"));
        // the events this module's tests produce, checked against the same contract
        events.add(ClusterEvents.event(UUID.randomUUID(), "example", "Example", "例", "JP", "ACTIVE", 1, "registered")
                .toString());
        for (String example : events) {
            EventSchemas.assertValid(example);
            io.restassured.path.json.JsonPath event = io.restassured.path.json.JsonPath.from(example);
            UUID id = UUID.fromString(event.getString("subject"));
            ClusterEvents.publishRaw(id.toString(), example);
            ClusterEvents.awaitVersion(id, event.getLong("sequence"));
            assertThat(view.byId(id)).as(example).hasValueSatisfying(cluster -> {
                assertThat(cluster.names()).containsKey("en");
                assertThat(cluster.status()).isIn("ACTIVE", "RETIRED");
            });
        }
    }

    @Test
    void anOlderOrRepeatedEventChangesNothing() {
        UUID id = ClusterEvents.register("view-order-" + UUID.randomUUID(), "Version one", null, "BE");
        String slug = ClusterEvents.view(id).slug;
        ClusterEvents.publish(ClusterEvents.event(id, slug, "Version three", null, "BE", "ACTIVE", 3, "updated"));
        ClusterEvents.awaitVersion(id, 3);
        var stale = ClusterEvents.event(id, slug, "Version two", null, "BE", "RETIRED", 2, "updated");
        assertThat(viewEvents.handle(view, stale.toString())).isEqualTo(Outcome.STALE);
        ClusterEvents.publish(stale, ClusterEvents.event(id, slug, "Version three", null, "BE", "ACTIVE", 3, "updated"));
        // a later event behind the stale ones on the same key shows they were consumed
        ClusterEvents.publish(ClusterEvents.event(id, slug, "Version four", null, "BE", "ACTIVE", 4, "updated"));
        ClusterEvents.awaitVersion(id, 4);
        assertThat(ClusterEvents.view(id).names).contains("Version four");
        assertThat(ClusterEvents.view(id).status).isEqualTo("ACTIVE");
    }

    /**
     * Records sent together arrive in one poll, which the view stores in one transaction: of each cluster's events
     * the newest wins, an event older than the stored row changes nothing, and an unreadable record among them
     * goes alone to the dead-letter topic.
     */
    @Test
    void aBurstOfEventsKeepsTheNewestOfEachClusterAndRefusesOnlyItsUnreadableRecord() {
        UUID stored = ClusterEvents.register("view-burst-" + UUID.randomUUID(), "Stored", null, "FR");
        String storedSlug = ClusterEvents.view(stored).slug;
        ClusterEvents.publish(ClusterEvents.event(stored, storedSlug, "Stored at five", null, "FR", "ACTIVE", 5,
                "updated"));
        ClusterEvents.awaitVersion(stored, 5);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String garbage = "{ not an event of the burst " + UUID.randomUUID();
        ClusterEventFixtures.publish(first.toString(),
                burstEvent(first, "First, version one", 1),
                burstEvent(second, "Second, version one", 1),
                burstEvent(first, "First, version three", 3),
                ClusterEventFixtures.valid(ClusterEvents.event(stored, storedSlug, "Stored, older", null, "FR",
                        "ACTIVE", 4, "updated")),
                garbage,
                burstEvent(first, "First, version two", 2),
                burstEvent(second, "Second, version two", 2));

        ClusterEvents.awaitVersion(first, 3);
        ClusterEvents.awaitVersion(second, 2);
        assertThat(ClusterEvents.view(first).names).contains("First, version three");
        assertThat(ClusterEvents.view(second).names).contains("Second, version two");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicRecords.readAll(bootstrapServers,
                "cluster-events.funding-service.dead-letters")).anySatisfy(record -> assertThat(record.value())
                        .isEqualTo(garbage)));
        assertThat(ClusterEvents.view(stored).names).contains("Stored at five");
        assertThat(ClusterEvents.view(stored).version).isEqualTo(5);
    }

    private static String burstEvent(UUID id, String name, long version) {
        return ClusterEventFixtures.valid(ClusterEvents.event(id, "burst-" + id, name, null, "DE", "ACTIVE", version,
                version == 1 ? "registered" : "updated"));
    }

    @Test
    void anUnreadableRecordIsSkippedWithoutBlockingTheTopic() {
        UUID id = UUID.randomUUID();
        String garbage = "{ this is not an event";
        String incomplete = "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID()
                + "\", \"type\": \"clusterbridge.cluster.registered.v1\", \"subject\": \"" + id
                + "\", \"sequence\": 1, \"data\": {\"id\": \"" + id + "\"}}";
        assertThat(viewEvents.handle(view, garbage)).isEqualTo(Outcome.MALFORMED);
        assertThat(viewEvents.handle(view, incomplete)).isEqualTo(Outcome.MALFORMED);
        ClusterEvents.publishRaw(id.toString(), garbage);
        ClusterEvents.publishRaw(id.toString(), incomplete);
        ClusterEvents.publish(ClusterEvents.event(id, "view-skip-" + id, "After garbage", null, "DE", "ACTIVE", 1,
                "registered"));
        ClusterEvents.awaitVersion(id, 1);
        assertThat(ClusterEvents.view(id).country).isEqualTo("DE");
    }

    @Test
    void aRetiredClusterTakesNoNewFiguresButItsFiguresCanStillBeCorrected() {
        UUID id = ClusterEvents.register("view-retired-" + UUID.randomUUID(), "Retiring", null, "IT");
        String body = count(id, "members", "ACTUAL", 100, asOf("2019-01-01"), "Before retirement");
        String figure = create(body);
        ClusterEvents.publish(ClusterEvents.event(id, ClusterEvents.view(id).slug, "Retiring", null, "IT", "RETIRED",
                2, "retired"));
        ClusterEvents.awaitVersion(id, 2);
        post(body.replace("Before retirement", "After retirement")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("clusterId"))
                .body("detail", org.hamcrest.Matchers.containsString("RETIRED"));
        // the count itself: a random cluster id can hold "100" too
        given().contentType(ContentType.JSON).header("If-Match", "1")
                .body(body.replace("\"count\": 100", "\"count\": 101"))
                .put("/api/funding-figures/" + figure).then().statusCode(200).body("value.count", equalTo(101));
        given().get("/api/clusters/" + id + "/funding-summary").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
    }

    @Test
    void theViewCanBeRebuiltFromTheTopic() {
        UUID id = ClusterEvents.register("view-rebuild-" + UUID.randomUUID(), "Rebuilt", null, "DK");
        java.util.Map<UUID, Long> before = versions();
        given().post("/api/admin/views/cluster-events/rebuild").then().statusCode(200)
                .body("channel", equalTo("cluster-events"));
        // the whole view comes back as it was: other tests' clusters included
        await().atMost(Duration.ofSeconds(60)).until(() -> versions().entrySet().containsAll(before.entrySet()));
        assertThat(ClusterEvents.view(id).names).contains("Rebuilt");
        given().post("/api/admin/views/no-such-channel/rebuild").then().statusCode(404);
    }

    private static java.util.Map<UUID, Long> versions() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ClusterViewRow.<ClusterViewRow> listAll()
                .stream().collect(java.util.stream.Collectors.toMap(c -> c.id, c -> c.version)));
    }
}
