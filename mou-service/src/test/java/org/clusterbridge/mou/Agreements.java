package org.clusterbridge.mou;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Request bodies and calls of the agreement API, for tests. */
public final class Agreements {

    private Agreements() {
    }

    public static Map<String, Object> body(UUID a, UUID b, LocalDate signedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "MOU-" + UUID.randomUUID());
        body.put("title", Map.of("en", "Memorandum of understanding", "ja", "覚書"));
        body.put("purpose", Map.of("en", "Cooperation in life science innovation"));
        body.put("kind", "MOU");
        body.put("parties", new ArrayList<>(List.of(party(a), party(b))));
        body.put("signatories", new ArrayList<>(List.of(Map.of("name", "Akihiko Soyama", "nativeName", "曾山明彦",
                "title", "President and CEO", "clusterId", a.toString()))));
        body.put("signedOn", signedOn.toString());
        body.put("focusAreas", List.of("digital-health"));
        return body;
    }

    /** A body signed on {@code signedOn} with the date field {@code field} (expiresOn, effectiveFrom) set. */
    public static Map<String, Object> body(UUID a, UUID b, LocalDate signedOn, String field, LocalDate date) {
        Map<String, Object> body = body(a, b, signedOn);
        body.put(field, date.toString());
        return body;
    }

    public static Map<String, Object> party(UUID id, UUID... coSigners) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("clusterId", id.toString());
        if (coSigners.length > 0) {
            party.put("coSigners", List.of(coSigners).stream().map(UUID::toString).toList());
        }
        return party;
    }

    public static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/agreements").then();
    }

    public static String create(Object body) {
        return post(body).statusCode(201).extract().path("id");
    }

    /** The agreements' own collection, for tests that set what only the store writes. */
    public static com.mongodb.client.MongoCollection<org.bson.Document> collection() {
        String database = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.mongodb.database", String.class);
        return jakarta.enterprise.inject.spi.CDI.current().select(com.mongodb.client.MongoClient.class).get()
                .getDatabase(database).getCollection(org.clusterbridge.mou.store.AgreementStore.COLLECTION);
    }
}
