package org.clusterbridge.mou.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.mou.service.AgreementStatusCheck;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Agreement events reach agreement-events through the outbox, match their schemas, name their actor, and
 * expiries come once.
 */
@QuarkusTest
class AgreementEventsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    CloudEvents cloudEvents;
    @Inject
    AgreementStatusCheck statusCheck;

    @Test
    void signedUpdatedAndTerminatedEventsCarryTheWholeStateAndTheirActor() {
        UUID a = ClusterEvents.cluster("Events A", "JP");
        UUID b = ClusterEvents.cluster("Events B", "FR");
        Map<String, Object> body = body(a, b, LocalDate.of(2020, 2, 5));
        body.put("term", Map.of("years", 5));
        body.put("signingCeremony", Map.of("mode", "ONLINE", "platform", "Zoom webinar", "start",
                "2020-02-05T17:00", "end", "2020-02-05T17:40", "timeZone", "Asia/Tokyo"));
        String id = given().auth().oauth2(TestTokens.editor("partner-a")).contentType(ContentType.JSON).body(body)
                .post("/api/agreements").then().statusCode(201)
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo("partner-a"))
                .extract().path("id");
        body.put("notes", "corrected");
        given().auth().oauth2(TestTokens.editor("partner-b")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "1").put("/api/agreements/" + id).then().statusCode(200)
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo("partner-b"));
        // an editor may not terminate; the refusal changes nothing and publishes nothing
        given().auth().oauth2(TestTokens.editor("partner-a")).contentType(ContentType.JSON)
                .body(Map.of("date", "2021-01-31", "reason", "programme ended"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().get("/api/agreements/" + id).then().statusCode(200)
                .header("ETag", matchesPattern("\"2\\.[0-9a-f]{16}\""))
                .body("version", equalTo(2)).body("termination", nullValue())
                .body("updatedBy", equalTo("partner-b"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-01-31", "reason", "programme ended"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(200)
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo(TestTokens.ADMIN_SUBJECT));

        List<CloudEvent> events = awaitEvents(id, 3);
        assertThat(events).extracting(CloudEvent::type).containsExactly("clusterbridge.agreement.signed.v1",
                "clusterbridge.agreement.updated.v1", "clusterbridge.agreement.terminated.v1");
        assertThat(events).extracting(CloudEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(CloudEvent::actor)
                .containsExactly("partner-a", "partner-b", TestTokens.ADMIN_SUBJECT);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("/mou-service");
            assertThat(e.data().path("reference").asText()).isEqualTo(body.get("reference"));
            assertThat(e.data().path("createdBy").asText()).isEqualTo("partner-a");
            assertThat(e.data().path("updatedBy").asText()).isEqualTo(e.actor());
            assertThat(e.data().path("createdAt").asText()).isNotBlank();
        });
        assertThat(events.get(0).data().path("expiresOn").asText()).isEqualTo("2025-02-05");
        assertThat(events.get(0).data().path("parties").get(0).path("clusterId").asText()).isEqualTo(a.toString());
        assertThat(events.get(1).data().path("notes").asText()).isEqualTo("corrected");
        assertThat(events.get(2).data().path("status").asText()).isEqualTo("TERMINATED");
        assertThat(events.get(2).data().path("termination").path("reason").asText()).isEqualTo("programme ended");
    }

    @Test
    void anExpiryIsRecordedAndEmittedOnceWhateverTheNumberOfInstances() throws Exception {
        UUID a = ClusterEvents.cluster("Expiring A", "JP");
        UUID b = ClusterEvents.cluster("Expiring B", "DE");
        String id = create(body(a, b, TODAY.minusYears(1), "expiresOn", TODAY.plusDays(30)));
        String becomesEffective = create(body(a, b, TODAY, "effectiveFrom", TODAY.plusDays(20)));
        given().get("/api/agreements/" + becomesEffective).then().body("status", equalTo("SIGNED"));

        LocalDate expiryDay = TODAY.plusDays(30);
        // Three "instances" run the check at once, then one runs it again.
        List<CompletableFuture<Integer>> runs = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> statusCheck.run(expiryDay))).toList();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        statusCheck.run(expiryDay);

        List<CloudEvent> events = awaitEvents(id, 2);
        assertThat(events).extracting(CloudEvent::type).containsExactly("clusterbridge.agreement.signed.v1",
                "clusterbridge.agreement.expired.v1");
        assertThat(events.get(1).sequence()).isEqualTo(2);
        assertThat(events.get(1).data().path("status").asText()).isEqualTo("EXPIRED");
        // the check acts on its own schedule: the service is the actor, the agreement keeps who recorded it
        assertThat(events).extracting(CloudEvent::actor)
                .containsExactly(TestTokens.ADMIN_SUBJECT, "service:mou-service");
        assertThat(events.get(1).data().path("updatedBy").asText()).isEqualTo("service:mou-service");
        assertThat(events.get(1).data().path("createdBy").asText()).isEqualTo(TestTokens.ADMIN_SUBJECT);

        List<CloudEvent> activation = awaitEvents(becomesEffective, 2);
        assertThat(activation).extracting(CloudEvent::type).containsExactly("clusterbridge.agreement.signed.v1",
                "clusterbridge.agreement.updated.v1");
        assertThat(activation.get(1).data().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(activation.get(1).actor()).isEqualTo("service:mou-service");
        given().get("/api/agreements/" + id).then().body("version", equalTo(2))
                .body("updatedBy", equalTo("service:mou-service"));
    }

    @Test
    void theSchemaExamplesAreValidEvents() {
        for (String change : List.of("signed", "updated", "terminated", "expired")) {
            List<String> examples = EventSchemas.examples("clusterbridge.agreement." + change + ".v1");
            assertThat(examples).as(change).isNotEmpty();
            examples.forEach(EventSchemas::assertValid);
        }
    }

    /** Waits until the agreement's outbox is empty, then returns its events (schema-checked) from the topic. */
    private List<CloudEvent> awaitEvents(String id, int expected) {
        List<CloudEvent> events = AgreementRecords.awaitSent(List.of(id)).stream()
                .map(r -> cloudEvents.read(r.value())).toList();
        assertThat(events).hasSize(expected);
        return events;
    }
}
