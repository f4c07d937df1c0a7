package org.clusterbridge.cluster.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Request bodies and calls the API tests share; every body gets its own slug so tests never collide. */
final class ClusterBodies {

    private ClusterBodies() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A minimal valid cluster: slug, English and Japanese names, kind, country. */
    static Map<String, Object> cluster(String slug, String en) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("names", new LinkedHashMap<>(Map.of("en", en, "ja", en + "（日本語）")));
        body.put("kind", "CLUSTER");
        body.put("country", "FR");
        body.put("focusAreas", new ArrayList<>(List.of("digital-health")));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** Registers the body and returns the new cluster's id. */
    static String register(Map<String, Object> body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/clusters").then()
                .statusCode(201).extract().path("id");
    }
}
