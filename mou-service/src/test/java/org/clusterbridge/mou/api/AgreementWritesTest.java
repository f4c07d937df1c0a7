package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.party;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.mou.events.AgreementRecords;
import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Round-trip writes: a PUT of the agreement exactly as read, and PATCH as a JSON merge patch of it, each one
 * version and one event; a refused write changes nothing.
 */
@QuarkusTest
class AgreementWritesTest {

    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    static final ObjectMapper JSON = new ObjectMapper();

    static UUID linkJ;
    static UUID medicen;
    static UUID alliance;
    static UUID member;

    @Inject
    CloudEvents cloudEvents;

    @BeforeEach
    void clusters() {
        if (linkJ != null) {
            return;
        }
        linkJ = ClusterEvents.cluster("Round trip LINK-J", "JP");
        medicen = ClusterEvents.cluster("Round trip Medicen", "FR");
        member = ClusterEvents.cluster("Round trip member", "IT");
        alliance = ClusterEvents.alliance("Round trip alliance", "BE", List.of(member));
    }

    @Test
    void anAgreementPutBackExactlyAsReadIsStoredUnchangedOneVersionLater() throws Exception {
        String id = create(fullBody());
        Response read = given().get("/api/agreements/" + id);
        JsonNode before = JSON.readTree(read.asString());

        JsonNode after = JSON.readTree(put(id, "1", read.asString()).then().statusCode(200)
                .header("ETag", matchesPattern("\"2\\.[0-9a-f]{16}\"")).extract().asString());

        assertThat(after.path("version").asLong()).isEqualTo(2);
        assertThat(withoutWriteStamp(after)).isEqualTo(withoutWriteStamp(before));
        // the derived fields came back as they were: a term's expiry, the ceremony's instants, the names
        assertThat(after.path("expiresOn").asText()).isEqualTo("2025-02-05");
        assertThat(after.path("term").path("years").asInt()).isEqualTo(5);
        assertThat(after.path("parties").get(1).path("coSigners").get(0).path("clusterId").asText())
                .isEqualTo(member.toString());
        assertThat(events(id)).extracting(CloudEvent::type).containsExactly("clusterbridge.agreement.signed.v1",
                "clusterbridge.agreement.updated.v1");
    }

    @Test
    void aPutAsReadWithOneFieldChangedChangesThatField() throws Exception {
        String id = create(fullBody());
        ObjectNode read = (ObjectNode) JSON.readTree(given().get("/api/agreements/" + id).asString());
        read.put("notes", "corrected after the press release");
        ((ObjectNode) read.path("title")).put("fr", "Protocole d'accord");

        JsonNode after = JSON.readTree(put(id, "1", read.toString()).then().statusCode(200).extract().asString());

        assertThat(after.path("notes").asText()).isEqualTo("corrected after the press release");
        assertThat(after.path("title").path("fr").asText()).isEqualTo("Protocole d'accord");
        assertThat(withoutWriteStamp(after)).isEqualTo(withoutWriteStamp(read));
    }

    @Test
    void aPutAsReadKeepsTheTerminationWhichOnlyTheTerminationSets() throws Exception {
        String id = create(body(linkJ, medicen, LocalDate.of(2021, 3, 1)));
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-06-30", "reason", "merged programmes"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(200);
        ObjectNode read = (ObjectNode) JSON.readTree(given().get("/api/agreements/" + id).asString());
        ((ObjectNode) read.path("termination")).put("reason", "rewritten");
        read.put("status", "ACTIVE");
        put(id, "2", read.toString()).then().statusCode(200).body("version", equalTo(3))
                .body("status", equalTo("TERMINATED"))
                .body("termination.reason", equalTo("merged programmes"));
    }

    @Test
    void aTrulyUnknownFieldInARepresentationIsA400NamingItAndChangesNothing() throws Exception {
        String id = create(fullBody());
        String read = given().get("/api/agreements/" + id).asString();

        ObjectNode top = (ObjectNode) JSON.readTree(read);
        top.put("colour", "blue");
        put(id, "1", top.toString()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("colour"));

        ObjectNode inParty = (ObjectNode) JSON.readTree(read);
        ((ObjectNode) inParty.path("parties").get(0)).put("colour", "blue");
        put(id, "1", inParty.toString()).then().statusCode(400).body("errors.field", contains("parties[0].colour"));

        ObjectNode inCoSigner = (ObjectNode) JSON.readTree(read);
        ((ObjectNode) inCoSigner.path("parties").get(1).path("coSigners").get(0)).put("colour", "blue");
        put(id, "1", inCoSigner.toString()).then().statusCode(400)
                .body("errors.field", contains("parties[1].coSigners[0].colour"));

        ObjectNode inCeremony = (ObjectNode) JSON.readTree(read);
        ((ObjectNode) inCeremony.path("signingCeremony")).put("colour", "blue");
        put(id, "1", inCeremony.toString()).then().statusCode(400)
                .body("errors.field", contains("signingCeremony.colour"));

        given().get("/api/agreements/" + id).then().body("version", equalTo(1));
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void coSignersAreTakenAsIdsOrAsTheReferencesARepresentationShows() throws Exception {
        String id = create(fullBody());
        ObjectNode read = (ObjectNode) JSON.readTree(given().get("/api/agreements/" + id).asString());
        ArrayNode coSigners = (ArrayNode) read.path("parties").get(1).path("coSigners");
        coSigners.removeAll().add(member.toString());
        put(id, "1", read.toString()).then().statusCode(200)
                .body("parties[1].coSigners[0].clusterId", equalTo(member.toString()))
                .body("parties[1].coSigners[0].names.en", equalTo("Round trip member"));
        coSigners.removeAll().addObject().put("clusterId", "not-a-uuid");
        put(id, "2", read.toString()).then().statusCode(400)
                .body("errors.field", contains("parties[1].coSigners[0].clusterId"));
    }

    @Test
    void aPatchOfOneFieldChangesOnlyThatFieldInOneVersionAndOneEvent() throws Exception {
        String id = create(fullBody());
        JsonNode before = JSON.readTree(given().get("/api/agreements/" + id).asString());

        JsonNode after = JSON.readTree(patch(id, "\"1\"", "{\"notes\": \"patched\"}").then().statusCode(200)
                .header("ETag", matchesPattern("\"2\\.[0-9a-f]{16}\"")).extract().asString());

        assertThat(after.path("version").asLong()).isEqualTo(2);
        assertThat(after.path("notes").asText()).isEqualTo("patched");
        ObjectNode expected = (ObjectNode) before.deepCopy();
        expected.put("notes", "patched");
        assertThat(withoutWriteStamp(after)).isEqualTo(withoutWriteStamp(expected));
        List<CloudEvent> events = events(id);
        assertThat(events).extracting(CloudEvent::type).containsExactly("clusterbridge.agreement.signed.v1",
                "clusterbridge.agreement.updated.v1");
        assertThat(events.get(1).sequence()).isEqualTo(2);
        assertThat(events.get(1).actor()).isEqualTo(TestTokens.ADMIN_SUBJECT);
        assertThat(events.get(1).data().path("notes").asText()).isEqualTo("patched");
        assertThat(events.get(1).data().path("reference").asText()).isEqualTo(before.path("reference").asText());
    }

    @Test
    void aPatchMergesObjectsAndNullRemovesAnOptionalField() throws Exception {
        String id = create(fullBody());
        patch(id, "1", "{\"title\": {\"fr\": \"Protocole\"}, \"purpose\": null, \"signingCeremony\": null}")
                .then().statusCode(200).body("version", equalTo(2))
                .body("title.en", equalTo("Memorandum of understanding"))
                .body("title.ja", equalTo("覚書"))
                .body("title.fr", equalTo("Protocole"));
        JsonNode after = JSON.readTree(given().get("/api/agreements/" + id).asString());
        assertThat(after.path("purpose").isNull() || after.path("purpose").isMissingNode()).isTrue();
        assertThat(after.path("signingCeremony").isNull() || after.path("signingCeremony").isMissingNode()).isTrue();
        assertThat(after.path("notes").asText()).isEqualTo("first of the seeds");
    }

    @Test
    void aPatchedStartMovesTheExpiryATermGives() {
        String id = create(fullBody());
        patch(id, "1", "{\"effectiveFrom\": \"2020-04-01\"}").then().statusCode(200)
                .body("effectiveFrom", equalTo("2020-04-01"))
                .body("term.years", equalTo(5))
                .body("expiresOn", equalTo("2025-04-01"));
        // an expiry of its own next to the term is ambiguous; with the term removed it is the agreement's expiry
        patch(id, "2", "{\"expiresOn\": \"2026-01-01\"}").then().statusCode(400)
                .body("errors.field", contains("term"));
        patch(id, "2", "{\"expiresOn\": \"2026-01-01\", \"term\": null}").then().statusCode(200)
                .body("version", equalTo(3)).body("expiresOn", equalTo("2026-01-01"));
        given().get("/api/agreements/" + id).then().body("term", nullValue());
    }

    @Test
    void aPatchNeedsTheCurrentVersion() throws Exception {
        String id = create(fullBody());
        patch(id, null, "{\"notes\": \"x\"}").then().statusCode(428).contentType("application/problem+json");
        patch(id, "\"7\"", "{\"notes\": \"x\"}").then().statusCode(412).contentType("application/problem+json");
        patch(id, "1", "{\"notes\": \"x\"}").then().statusCode(200);
        patch(id, "1", "{\"notes\": \"y\"}").then().statusCode(412);
        patch(UUID.randomUUID().toString(), "1", "{\"notes\": \"x\"}").then().statusCode(404);
        given().get("/api/agreements/" + id).then().body("version", equalTo(2)).body("notes", equalTo("x"));
        assertThat(events(id)).hasSize(2);
    }

    @Test
    void aPatchThatMakesTheAgreementInvalidIsA400NamingTheFieldAndChangesNothing() throws Exception {
        String id = create(fullBody());
        String before = given().get("/api/agreements/" + id).asString();

        patch(id, "1", "{\"reference\": null}").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reference"));
        patch(id, "1", "{\"title\": {\"en\": null}}").then().statusCode(400)
                .body("errors.field", contains("title.en"));
        patch(id, "1", "{\"parties\": null}").then().statusCode(400).body("errors.field", hasItem("parties"));
        patch(id, "1", "{\"kind\": \"TREATY\"}").then().statusCode(400).body("errors.field", contains("kind"));
        patch(id, "1", "{\"colour\": \"blue\"}").then().statusCode(400).body("errors.field", contains("colour"));
        patch(id, "1", "{\"signingCeremony\": {\"mode\": null}}").then().statusCode(400)
                .body("errors.field", hasItem("signingCeremony.mode"));

        assertThat(JSON.readTree(given().get("/api/agreements/" + id).asString()))
                .isEqualTo(JSON.readTree(before));
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void aMalformedOrNonObjectPatchIsA400AndAnotherMediaTypeA415() throws Exception {
        String id = create(fullBody());
        patch(id, "1", "{\"notes\": ").then().statusCode(400).contentType("application/problem+json");
        patch(id, "1", "{\"notes\": \"x\"}}").then().statusCode(400).contentType("application/problem+json");
        patch(id, "1", "[]").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("body"));
        patch(id, "1", "\"notes\"").then().statusCode(400).body("errors.field", contains("body"));
        patch(id, "1", "").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "1").body("{\"notes\": \"x\"}")
                .patch("/api/agreements/" + id).then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
        given().get("/api/agreements/" + id).then().body("version", equalTo(1))
                .body("notes", equalTo("first of the seeds"));
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void aReaderCannotPatch() throws Exception {
        String id = create(fullBody());
        given().auth().oauth2(TestTokens.reader()).contentType(MERGE_PATCH).header("If-Match", "1")
                .body("{\"notes\": \"x\"}").patch("/api/agreements/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.editor("partner-c")).contentType(MERGE_PATCH).header("If-Match", "1")
                .body("{\"notes\": \"x\"}").patch("/api/agreements/" + id).then().statusCode(200)
                .body("updatedBy", equalTo("partner-c")).body("createdBy", equalTo(TestTokens.ADMIN_SUBJECT));
    }

    /** An agreement with every kind of field: a term, an alliance party with a co-signer, a ceremony, a source. */
    private static Map<String, Object> fullBody() {
        Map<String, Object> body = body(linkJ, alliance, LocalDate.of(2020, 2, 5));
        body.put("parties", List.of(party(linkJ), party(alliance, member)));
        body.put("signatories", List.of(
                Map.of("name", "Akihiko Soyama", "nativeName", "曾山明彦", "title", "President and CEO",
                        "clusterId", linkJ.toString()),
                Map.of("name", "Alberta Pasquero", "title", "CEO", "clusterId", member.toString())));
        body.put("term", Map.of("years", 5));
        body.put("signingCeremony", Map.of("mode", "IN_PERSON", "place", "Nihonbashi, Tokyo",
                "start", "2020-02-05T10:00", "end", "2020-02-05T10:30", "timeZone", "Asia/Tokyo"));
        body.put("sources", List.of(Map.of("title", "LINK-J Concludes MOU", "publisher", "LINK-J", "language", "en",
                "publishedOn", "2020-02-05", "url", "https://www.link-j.org/")));
        body.put("notes", "first of the seeds");
        return body;
    }

    private static Response put(String id, String ifMatch, String body) {
        return given().contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/agreements/" + id);
    }

    private static Response patch(String id, String ifMatch, String body) {
        var request = given().contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/agreements/" + id);
    }

    /** The representation without what every write changes (version, updatedAt). */
    private static JsonNode withoutWriteStamp(JsonNode representation) {
        ObjectNode copy = (ObjectNode) representation.deepCopy();
        copy.remove(List.of("version", "updatedAt"));
        return copy;
    }

    /** The agreement's events on agreement-events, once its outbox is empty. */
    private List<CloudEvent> events(String id) {
        List<ConsumerRecord<String, String>> records = AgreementRecords.awaitSent(List.of(id));
        return records.stream().map(r -> cloudEvents.read(r.value())).toList();
    }
}
