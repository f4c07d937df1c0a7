package org.clusterbridge.mou.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.party;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The read models that a cluster's list and the network read: what each write leaves in them, how alliance
 * members reach an alliance's agreements, that entries left by a write cut short change no answer, and that a
 * rebuild from the agreements (an administrator's request) gives the same answers. Every case uses clusters (and countries) of its own.
 */
@QuarkusTest
class ReadModelsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void signingCorrectingAndTerminatingKeepTheEntriesAndTheOutline() {
        UUID a = ClusterEvents.cluster("Read model A", "BT");
        UUID b = ClusterEvents.cluster("Read model B", "BT");
        UUID c = ClusterEvents.cluster("Read model C", "BT");
        Map<String, Object> body = body(a, b, LocalDate.of(2024, 4, 1));
        String id = create(body);
        assertThat(entry(a, id)).isEqualTo(2);
        assertThat(entry(b, id)).isEqualTo(2);
        assertThat(entry(c, id)).isNull();
        assertThat(outline(id).getLong("v")).isEqualTo(1);
        assertThat(outline(id).getList("parties", Document.class)).extracting(p -> p.getString("clusterId"))
                .containsExactly(a.toString(), b.toString());

        // the parties change: the entries move with them
        body.put("parties", List.of(party(a), party(c)));
        given().contentType(ContentType.JSON).body(body).header("If-Match", "1").put("/api/agreements/" + id).then()
                .statusCode(200);
        assertThat(entry(a, id)).isEqualTo(4);
        assertThat(entry(c, id)).isEqualTo(4);
        assertThat(entry(b, id)).as("left at version 2").isEqualTo(5);
        assertThat(ids("/api/clusters/" + b + "/agreements")).doesNotContain(id);
        assertThat(ids("/api/agreements?clusterId=" + b)).doesNotContain(id);
        assertThat(ids("/api/clusters/" + c + "/agreements")).containsExactly(id);
        assertThat(edges("/api/network?country=BT")).filteredOn(e -> e.get("agreementId").equals(id)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("source", a.toString())
                        .containsEntry("target", c.toString()));

        given().contentType(ContentType.JSON).body(Map.of("date", TODAY.toString(), "reason", "ended early"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(200);
        assertThat(entry(a, id)).isEqualTo(6);
        assertThat(entry(c, id)).isEqualTo(6);
        assertThat(outline(id).getString("terminatedOn")).isEqualTo(TODAY.toString());
        assertThat(edges("/api/network?country=BT&status=TERMINATED")).extracting(e -> e.get("agreementId"))
                .contains(id);
        assertThat(ids("/api/clusters/" + c + "/agreements?status=TERMINATED")).containsExactly(id);
    }

    @Test
    void theNetworkKeptBetweenWritesIsReadAgainAfterEachWrite() {
        UUID a = ClusterEvents.cluster("Kept network A", "TV");
        UUID b = ClusterEvents.cluster("Kept network B", "TV");
        Map<String, Object> body = body(a, b, LocalDate.of(2024, 5, 1));
        String id = create(body);
        assertThat(edge(id)).containsEntry("title", "Memorandum of understanding");
        String revision = revision();

        // an outline changed around the service, the revision left as it was: reads keep the network they read
        collection(AgreementNetwork.COLLECTION).updateOne(new Document("_id", AgreementNetwork.bucket(id)),
                Updates.set(AgreementNetwork.OUTLINES + "." + id + ".title", "Changed around the service"));
        assertThat(edge(id)).containsEntry("title", "Memorandum of understanding");
        assertThat(revision()).isEqualTo(revision);

        // a write through the service gives the network a new revision: the next read reads the buckets again
        body.put("title", Map.of("en", "Corrected through the service"));
        given().contentType(ContentType.JSON).body(body).header("If-Match", "1").put("/api/agreements/" + id).then()
                .statusCode(200);
        assertThat(revision()).isNotEqualTo(revision);
        assertThat(edge(id)).containsEntry("title", "Corrected through the service");

        // a read that finds no revision (the collection emptied) sets one, then reads the buckets
        collection(AgreementNetwork.COLLECTION).deleteOne(AgreementNetwork.revisionDocument());
        collection(AgreementNetwork.COLLECTION).updateOne(new Document("_id", AgreementNetwork.bucket(id)),
                Updates.set(AgreementNetwork.OUTLINES + "." + id + ".title", "Changed around the service"));
        assertThat(edge(id)).containsEntry("title", "Changed around the service");
        assertThat(revision()).isNotNull();
    }

    @Test
    void membersReachTheirAlliancesAgreementsWhileTheyAreMembers() {
        UUID kobe = ClusterEvents.cluster("Read model Kobe", "LS");
        UUID coSigner = ClusterEvents.cluster("Read model co-signer", "WF");
        UUID quiet = ClusterEvents.cluster("Read model quiet member", "WF");
        String name = "Read model alliance";
        UUID alliance = ClusterEvents.alliance(name, "WF", List.of(coSigner, quiet));
        Map<String, Object> body = body(kobe, alliance, LocalDate.of(2024, 5, 1));
        body.put("parties", List.of(party(kobe), party(alliance, coSigner)));
        body.put("signatories", List.of());
        String id = create(body);

        assertThat(entry(alliance, id)).isEqualTo(2);
        assertThat(entry(coSigner, id)).as("a co-signer signs").isEqualTo(2);
        assertThat(entry(quiet, id)).as("a member that did not co-sign has no entry").isNull();
        assertThat(noted(quiet)).contains(alliance.toString());
        assertThat(ids("/api/clusters/" + quiet + "/agreements")).containsExactly(id);
        assertThat(ids("/api/agreements?clusterId=" + quiet)).isEmpty();
        assertThat(ids("/api/agreements?clusterId=" + coSigner)).containsExactly(id);

        // the alliance drops the quiet member: its note stays, but no longer counts
        ClusterEvents.publish(alliance.toString(), ClusterEvents.event("updated", ClusterEvents.state(alliance,
                ClusterEvents.slug(name), name, "WF", "ALLIANCE", List.of(coSigner), "ACTIVE", 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> ids("/api/clusters/" + quiet + "/agreements").isEmpty());
        assertThat(ids("/api/clusters/" + coSigner + "/agreements")).containsExactly(id);
    }

    @Test
    void entriesLeftByAWriteCutShortChangeNoAnswer() {
        UUID a = ClusterEvents.cluster("Cut short A", "PN");
        UUID b = ClusterEvents.cluster("Cut short B", "PN");
        UUID c = ClusterEvents.cluster("Cut short C", "PN");
        // written ahead of an agreement whose insert never happened
        String ghost = UUID.randomUUID().toString();
        collection(ClusterAgreements.COLLECTION).updateOne(new Document("_id", a.toString()),
                Updates.max(ClusterAgreements.AGREEMENTS + "." + ghost, 2L), new UpdateOptions().upsert(true));
        collection(AgreementNetwork.COLLECTION).updateOne(new Document("_id", AgreementNetwork.bucket(ghost)),
                Updates.max(AgreementNetwork.INTENTS + "." + ghost, 1L), new UpdateOptions().upsert(true));
        String id = create(body(a, b, LocalDate.of(2024, 6, 1)));
        // written ahead of a correction (adding c) whose update never happened
        collection(ClusterAgreements.COLLECTION).updateOne(new Document("_id", c.toString()),
                Updates.max(ClusterAgreements.AGREEMENTS + "." + id, 4L), new UpdateOptions().upsert(true));

        given().get("/api/agreements?clusterId=" + a + "&facets=country").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("facets.country[0].count", equalTo(1));
        assertThat(ids("/api/clusters/" + c + "/agreements")).isEmpty();

        // the agreement's document written, its outline not (a crash between the two)
        mongo.getDatabase(database).getCollection(AgreementStore.COLLECTION).updateOne(new Document("_id", id),
                Updates.combine(Updates.set("title.en", "Corrected before a crash"), Updates.set("version", 2L)));
        collection(AgreementNetwork.COLLECTION).updateOne(new Document("_id", AgreementNetwork.bucket(id)),
                Updates.max(AgreementNetwork.INTENTS + "." + id, 2L));
        List<Map<String, Object>> edges = edges("/api/network?country=PN");
        assertThat(edges).extracting(e -> e.get("agreementId")).containsExactly(id);
        assertThat(edges.get(0)).containsEntry("title", "Corrected before a crash");
        assertThat(outline(id).getLong("v")).as("repaired by the read").isEqualTo(2);
        assertThat(outline(id).getString("title")).isEqualTo("Corrected before a crash");
    }

    @Test
    void aRebuildFromTheAgreementsGivesTheSameAnswers() {
        UUID a = ClusterEvents.cluster("Rebuilt A", "SH");
        UUID member = ClusterEvents.cluster("Rebuilt member", "SH");
        UUID quiet = ClusterEvents.cluster("Rebuilt quiet member", "SH");
        UUID alliance = ClusterEvents.alliance("Rebuilt alliance", "SH", List.of(member, quiet));
        Map<String, Object> body = body(a, alliance, LocalDate.of(2024, 7, 1));
        body.put("parties", List.of(party(a), party(alliance, member)));
        body.put("signatories", List.of());
        String viaAlliance = create(body);
        String direct = create(body(a, member, LocalDate.of(2024, 7, 2)));
        List<String> clusterUrls = List.of("/api/agreements?clusterId=" + a, "/api/clusters/" + quiet + "/agreements",
                "/api/clusters/" + member + "/agreements?facets=status,country");
        List<String> before = clusterUrls.stream().map(ReadModelsTest::answer).toList();
        String network = answer("/api/network?country=SH");
        assertThat(ids(clusterUrls.get(0))).containsExactly(direct, viaAlliance);
        assertThat(ids(clusterUrls.get(1))).containsExactly(viaAlliance);

        for (String model : List.of(ClusterAgreements.COLLECTION, AgreementNetwork.COLLECTION,
                ClusterViewStore.ALLIANCES)) {
            collection(model).deleteMany(new Document());
        }
        assertThat(ids(clusterUrls.get(0))).as("the lists read the read models").isEmpty();
        assertThat(edges("/api/network?country=SH")).isEmpty();

        given().auth().oauth2(TestTokens.reader()).post("/api/admin/read-models/rebuild").then().statusCode(403);
        given().post("/api/admin/read-models/rebuild").then().statusCode(200)
                .body("agreements", greaterThanOrEqualTo(2)).body("alliances", greaterThanOrEqualTo(1));
        assertThat(clusterUrls.stream().map(ReadModelsTest::answer).toList()).isEqualTo(before);
        assertThat(answer("/api/network?country=SH")).isEqualTo(network);
    }

    private Long entry(UUID cluster, String agreement) {
        Document entries = collection(ClusterAgreements.COLLECTION).find(new Document("_id", cluster.toString()))
                .first();
        if (entries == null) {
            return null;
        }
        Object mark = entries.get(ClusterAgreements.AGREEMENTS, new Document()).get(agreement);
        return mark == null ? null : ((Number) mark).longValue();
    }

    private Document outline(String agreement) {
        Document bucket = collection(AgreementNetwork.COLLECTION)
                .find(new Document("_id", AgreementNetwork.bucket(agreement))).first();
        return bucket.get(AgreementNetwork.OUTLINES, Document.class).get(agreement, Document.class);
    }

    private String revision() {
        Document revision = collection(AgreementNetwork.COLLECTION).find(AgreementNetwork.revisionDocument()).first();
        return revision == null ? null : revision.getString("token");
    }

    private List<String> noted(UUID member) {
        Document noted = collection(ClusterViewStore.ALLIANCES).find(new Document("_id", member.toString())).first();
        return noted == null ? List.of() : noted.getList(ClusterViewStore.ALLIANCES, String.class);
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }

    private static List<String> ids(String url) {
        return given().get(url).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static List<Map<String, Object>> edges(String url) {
        JsonPath network = given().get(url).then().statusCode(200).extract().jsonPath();
        return network.getList("edges");
    }

    /** The network's edge of the agreement (of two parties), read from the whole network. */
    private static Map<String, Object> edge(String agreementId) {
        List<Map<String, Object>> edges = edges("/api/network").stream()
                .filter(e -> agreementId.equals(e.get("agreementId"))).toList();
        assertThat(edges).hasSize(1);
        return edges.get(0);
    }

    private static String answer(String url) {
        return given().get(url).then().statusCode(200).extract().asString();
    }
}
