package org.clusterbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The change feed of the service under test ({@code GET /api/changes}), read as a partner reads it: with a
 * reader's token, from the beginning, following {@code next} until a page comes back empty.
 */
public final class ChangeFeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeFeeds() {
    }

    /** Fails unless the feed refuses a request without a token with a 401 problem and serves a reader a page. */
    public static void assertItNeedsAReaderToken() {
        RestAssured.given().auth().none().get("/api/changes").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        JsonNode page = page(null);
        assertThat(page.path("items").isArray()).as("items of %s", page).isTrue();
        assertThat(page.path("next").asText()).as("next of %s", page).isNotBlank();
    }

    /** The feed's event about aggregate {@code subject}, once it is there (the outbox relays asynchronously). */
    public static JsonNode awaitEventAbout(String subject) {
        return awaitEventAbout(subject, event -> true);
    }

    /** The feed's first event about aggregate {@code subject} that {@code wanted} accepts, once it is there. */
    public static JsonNode awaitEventAbout(String subject, Predicate<JsonNode> wanted) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String cursor = null;
            while (true) {
                JsonNode page = page(cursor);
                for (JsonNode event : page.path("items")) {
                    if (event.path("subject").asText().equals(subject) && wanted.test(event)) {
                        found.set(event);
                        return true;
                    }
                }
                if (page.path("items").isEmpty()) {
                    return false;
                }
                cursor = page.path("next").asText();
            }
        });
        return found.get();
    }

    private static JsonNode page(String after) {
        var request = RestAssured.given().auth().oauth2(TestTokens.reader()).accept("application/json")
                .queryParam("limit", 1000);
        if (after != null) {
            request.queryParam("after", after);
        }
        String body = request.get("/api/changes").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
