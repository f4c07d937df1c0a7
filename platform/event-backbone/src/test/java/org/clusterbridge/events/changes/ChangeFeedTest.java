package org.clusterbridge.events.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.changes.FeedPages.Page;
import org.clusterbridge.events.sample.Keys;
import org.clusterbridge.events.sample.SampleService;
import org.clusterbridge.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The change feed's JSON pages over the sample app's topic: cursors page through everything, a partner resuming
 * from any cursor misses nothing, a cursor is nothing but Kafka offsets, and bad input is a 4xx problem.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = SampleService.TOPIC;

    @Inject
    SampleService samples;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void cursorsPageThroughEveryEventOnTheTopicWithEachAggregatesEventsInOrder() {
        List<UUID> ids = writeThreeVersionsOf(5);
        List<ConsumerRecord<String, String>> onTopic = TopicRecords.readAll(bootstrapServers, TOPIC);

        List<Page> pages = FeedPages.untilEmpty(null, 4);

        assertThat(pages).allSatisfy(page -> assertThat(page.items()).hasSizeLessThanOrEqualTo(4));
        assertThat(pages.stream().filter(page -> !page.items().isEmpty())).hasSizeGreaterThan(3);
        Page last = pages.get(pages.size() - 1);
        assertThat(last.next()).as("an empty page keeps the cursor").isEqualTo(last.after());
        Map<String, List<Long>> sequences = FeedPages.events(pages).stream().collect(Collectors.groupingBy(
                event -> event.path("subject").asText(), Collectors.mapping(event -> event.path("sequence").asLong(),
                        Collectors.toList())));
        for (UUID id : ids) {
            assertThat(sequences.get(id.toString())).as("events of %s", id).containsExactly(1L, 2L, 3L);
        }
        // Every CloudEvent on the topic is in the feed, byte for byte as the topic holds it.
        String bodies = pages.stream().map(Page::body).collect(Collectors.joining("\n"));
        Set<String> fed = new HashSet<>(FeedPages.events(pages).stream().map(event -> event.path("id").asText())
                .toList());
        for (ConsumerRecord<String, String> record : onTopic) {
            JsonNode event = json(record.value());
            if (event != null && event.has("specversion")) {
                assertThat(fed).contains(event.path("id").asText());
                assertThat(bodies).contains(record.value());
            }
        }
    }

    @Test
    void aPartnerResumingFromAMiddleCursorGetsEverythingAfterItAndNothingBefore() {
        writeThreeVersionsOf(4);
        List<Page> pages = FeedPages.untilEmpty(null, 3);
        int middle = pages.size() / 2;
        Set<String> before = ids(pages.subList(0, middle + 1));
        Set<String> after = ids(pages.subList(middle + 1, pages.size()));
        assertThat(after).isNotEmpty();

        for (int limit : new int[] { 1, 7, 1000 }) {
            Set<String> resumed = ids(FeedPages.untilEmpty(pages.get(middle).next(), limit));
            assertThat(resumed).as("resumed with limit %d", limit).containsAll(after).doesNotContainAnyElementsOf(before);
        }
    }

    @Test
    void afterEndStartsAtTheCurrentEndSoAReaderGetsOnlyWhatIsPublishedFromThen() {
        writeThreeVersionsOf(2);
        String end = FeedPages.end();

        Page now = FeedPages.page(ChangeCursor.END, 100);
        assertThat(now.items()).as("nothing is after the end").isEmpty();
        assertThat(ChangeCursor.decode(now.next()).offsets()).isEqualTo(ChangeCursor.decode(end).offsets());

        List<UUID> later = writeThreeVersionsOf(2);
        Set<String> subjects = FeedPages.events(FeedPages.untilEmpty(now.next(), 100)).stream()
                .map(event -> event.path("subject").asText()).collect(Collectors.toSet());
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(later.stream().map(UUID::toString).toList());
    }

    @Test
    void aCursorIsOnlyKafkaOffsetsSoItOutlivesAnyConsumerAndRestart() {
        writeThreeVersionsOf(3);
        // The cursor at the end of the feed holds, per partition, the offset after its last record.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String end = FeedPages.end();
            Map<Integer, Long> endOffsets = new HashMap<>();
            TopicRecords.readAll(bootstrapServers, TOPIC)
                    .forEach(record -> endOffsets.merge(record.partition(), record.offset() + 1, Math::max));
            assertThat(ChangeCursor.decode(end).offsets()).containsAllEntriesOf(endOffsets);
        });

        // A cursor made from offsets alone, as any instance after any restart would read it: at the end of every
        // partition but one, and in that one just after its first event.
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll(bootstrapServers, TOPIC);
        ConsumerRecord<String, String> first = records.stream().filter(record -> isEvent(record.value()))
                .findFirst().orElseThrow();
        Map<Integer, Long> offsets = new HashMap<>();
        records.forEach(record -> offsets.merge(record.partition(), record.offset() + 1, Math::max));
        offsets.put(first.partition(), first.offset() + 1);
        List<String> samePartition = records.stream().filter(record -> record.partition() == first.partition())
                .filter(record -> isEvent(record.value())).map(record -> json(record.value()).path("id").asText())
                .toList();

        List<Page> pages = FeedPages.untilEmpty(ChangeCursor.of(offsets).encode(), 2);
        List<String> fed = pages.stream().flatMap(page -> page.ids().stream()).toList();
        assertThat(fed).containsSubsequence(samePartition.subList(1, samePartition.size()))
                .doesNotContain(samePartition.get(0));
    }

    @Test
    void aReaderNeedsAToken() {
        RestAssured.given().auth().none().get("/api/changes").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        RestAssured.given().auth().oauth2(TestTokens.reader()).get("/api/changes").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void anUnreadableOrAlteredCursorIsA400NamingAfter() {
        String end = FeedPages.end();
        int at = ChangeCursor.PREFIX.length() + 2;
        String altered = end.substring(0, at) + (end.charAt(at) == 'A' ? 'B' : 'A') + end.substring(at + 1);
        for (String cursor : List.of("not-a-cursor", "v1.%%%", "v1.", altered, end.substring(0, end.length() - 3),
                ChangeCursor.PREFIX + java.util.Base64.getUrlEncoder().encodeToString("0:-4;1".getBytes()))) {
            assertInvalidCursor(cursor, "after");
        }
    }

    @Test
    void aCursorForPartitionsOrOffsetsTheTopicDoesNotHaveIsA400() {
        assertInvalidCursor(ChangeCursor.of(Map.of(99, 0L)).encode(), "after");
        assertInvalidCursor(ChangeCursor.of(Map.of(0, Long.MAX_VALUE / 2)).encode(), "after");
    }

    @Test
    void aBadLastEventIdIsA400NamingTheHeader() {
        RestAssured.given().auth().oauth2(TestTokens.reader()).header("Last-Event-ID", "garbage")
                .get("/api/changes").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://clusterbridge.org/problems/invalid-cursor"))
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void aLimitOutOfRangeOrNotANumberIsA400() {
        for (String limit : List.of("0", "-1", "1001", "abc", "1.5", "99999999999")) {
            RestAssured.given().auth().oauth2(TestTokens.reader()).queryParam("limit", limit).get("/api/changes")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://clusterbridge.org/problems/invalid-request"))
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void anAcceptTheFeedCannotProduceIsA406() {
        for (String accept : List.of("application/xml", "text/csv")) {
            RestAssured.given().auth().oauth2(TestTokens.reader()).accept(accept).get("/api/changes").then()
                    .statusCode(406).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(406));
        }
    }

    private static void assertInvalidCursor(String cursor, String field) {
        RestAssured.given().auth().oauth2(TestTokens.reader()).queryParam("after", cursor).get("/api/changes")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://clusterbridge.org/problems/invalid-cursor"))
                .body("errors[0].field", equalTo(field));
    }

    /** Writes versions 1 to 3 of {@code count} new samples and waits until their events are on the topic. */
    private List<UUID> writeThreeVersionsOf(int count) {
        List<UUID> ids = Keys.ids(count);
        for (int version = 1; version <= 3; version++) {
            for (UUID id : ids) {
                samples.write(id, "version " + version);
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> onTopic = TopicRecords.readAll(bootstrapServers, TOPIC).stream()
                    .filter(record -> isEvent(record.value()))
                    .map(record -> record.key() + "@" + json(record.value()).path("sequence").asLong())
                    .collect(Collectors.toSet());
            assertThat(onTopic).containsAll(ids.stream().map(id -> id + "@3").toList());
        });
        return ids;
    }

    private static Set<String> ids(List<Page> pages) {
        return pages.stream().flatMap(page -> page.ids().stream()).collect(Collectors.toSet());
    }

    private static boolean isEvent(String value) {
        JsonNode node = json(value);
        return node != null && node.has("specversion") && node.has("type");
    }

    private static JsonNode json(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
