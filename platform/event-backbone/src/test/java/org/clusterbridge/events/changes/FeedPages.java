package org.clusterbridge.events.changes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.clusterbridge.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/** Reads the feed over HTTP as a partner does, with a reader's token. */
final class FeedPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page as the partner received it: the cursor asked with, the raw body, its events and next. */
    record Page(String after, String body, List<JsonNode> items, String next) {
        List<String> ids() {
            return items.stream().map(item -> item.path("id").asText()).toList();
        }
    }

    private FeedPages() {
    }

    static Page page(String after, int limit) {
        var request = RestAssured.given().auth().oauth2(TestTokens.reader()).accept("application/json")
                .queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        String body = request.get("/api/changes").then().statusCode(200).contentType("application/json").extract()
                .asString();
        try {
            JsonNode page = JSON.readTree(body);
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            return new Page(after, body, items, page.path("next").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every page from {@code after} up to and including the first empty one. */
    static List<Page> untilEmpty(String after, int limit) {
        List<Page> pages = new ArrayList<>();
        String cursor = after;
        while (true) {
            Page page = page(cursor, limit);
            pages.add(page);
            if (page.items().isEmpty()) {
                return pages;
            }
            if (pages.size() > 100_000) {
                throw new AssertionError("the feed never reached an empty page");
            }
            cursor = page.next();
        }
    }

    static List<JsonNode> events(List<Page> pages) {
        return pages.stream().flatMap(page -> page.items().stream()).toList();
    }

    /** The cursor at the current end of the feed. */
    static String end() {
        List<Page> pages = untilEmpty(null, 1000);
        return pages.get(pages.size() - 1).next();
    }
}
