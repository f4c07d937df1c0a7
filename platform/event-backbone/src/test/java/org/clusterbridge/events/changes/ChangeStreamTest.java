package org.clusterbridge.events.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.changes.SseClient.Event;
import org.clusterbridge.events.sample.SampleService;
import org.clusterbridge.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The change feed as Server-Sent Events: a connected client receives what is written after it connected, with
 * cursors as event ids that Last-Event-ID resumes from; a stream ends with its client, and the instance serves no
 * more streams than configured (three in the sample app).
 */
@QuarkusTest
class ChangeStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_STREAMS = 3;

    @Inject
    SampleService samples;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @TestHTTPResource("/")
    URL base;

    @Test
    void aConnectedClientReceivesAnEventWrittenAfterItConnectedAsItIsOnTheTopic() throws Exception {
        try (SseClient client = connect(FeedPages.end(), null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).startsWith("text/event-stream");
            UUID id = UUID.randomUUID();
            samples.write(id, "written after the client connected");

            Event event = nextOf(client, id);
            assertThat(event.name()).isEqualTo("clusterbridge.sample.changed.v1");
            String onTopic = TopicRecords.readAll(bootstrapServers, SampleService.TOPIC).stream()
                    .filter(record -> record.key().equals(id.toString())).findFirst().orElseThrow().value();
            assertThat(event.data()).isEqualTo(onTopic);
            // The id is a cursor: a page after it goes on past this event.
            assertThat(FeedPages.untilEmpty(event.id(), 100).stream().flatMap(page -> page.ids().stream()))
                    .doesNotContain(JSON.readTree(event.data()).path("id").asText());
        }
    }

    @Test
    void lastEventIdResumesRightAfterTheLastEventReceived() throws Exception {
        String start = FeedPages.end();
        UUID id = UUID.randomUUID();
        for (int version = 1; version <= 3; version++) {
            samples.write(id, "version " + version);
        }
        String lastEventId;
        try (SseClient client = connect(start, null)) {
            Event first = nextOf(client, id);
            assertThat(sequence(first)).isEqualTo(1);
            lastEventId = first.id();
        }

        // As an EventSource reconnects: the URL it first used, and the id of the last event it received.
        try (SseClient client = connect(start, lastEventId)) {
            List<Long> sequences = new ArrayList<>();
            while (!sequences.contains(3L)) {
                sequences.add(sequence(nextOf(client, id)));
            }
            assertThat(sequences).containsExactly(2L, 3L);
        }
    }

    @Test
    void aStreamEndsWhenItsClientGoesAndNoMoreThanTheBoundAreOpen() throws Exception {
        await().atMost(PATIENCE).until(() -> openStreams() == 0);
        String end = FeedPages.end();
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                clients.add(connect(end, null));
            }
            assertThat(clients).allSatisfy(client -> assertThat(client.status()).isEqualTo(200));
            await().atMost(PATIENCE).until(() -> openStreams() == MAX_STREAMS);

            try (SseClient refused = connect(end, null)) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(JSON.readTree(refused.body()).path("type").asText())
                        .isEqualTo("https://clusterbridge.org/problems/too-many-change-streams");
            }

            clients.remove(0).close();
            await().atMost(PATIENCE).until(() -> openStreams() == MAX_STREAMS - 1);
            clients.add(connect(end, null));
            assertThat(clients.get(clients.size() - 1).status()).isEqualTo(200);
        } finally {
            for (SseClient client : clients) {
                client.close();
            }
        }
        await().atMost(PATIENCE).until(() -> openStreams() == 0);
    }

    @Test
    void aBadCursorIsAProblemAndNoStream() throws Exception {
        try (SseClient client = connect("garbage", null)) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(client.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(client.body());
            assertThat(problem.path("type").asText()).isEqualTo("https://clusterbridge.org/problems/invalid-cursor");
            assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("after");
        }
        try (SseClient client = connect(FeedPages.end(), "tampered")) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(JSON.readTree(client.body()).path("errors").path(0).path("field").asText())
                    .isEqualTo("Last-Event-ID");
        }
        await().atMost(PATIENCE).until(() -> openStreams() == 0);
    }

    @Test
    void aStreamNeedsAToken() throws Exception {
        try (SseClient client = SseClient.open(base, "/api/changes", Map.of())) {
            assertThat(client.status()).isEqualTo(401);
            assertThat(client.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private SseClient connect(String after, String lastEventId) throws IOException {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + TestTokens.reader()));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.open(base, "/api/changes?after=" + URLEncoder.encode(after, StandardCharsets.UTF_8),
                headers);
    }

    /** The next event about sample {@code id}, skipping others' events. */
    private static Event nextOf(SseClient client, UUID id) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = client.next(Duration.ofSeconds(1));
            if (event != null && JSON.readTree(event.data()).path("subject").asText().equals(id.toString())) {
                return event;
            }
        }
        throw new AssertionError("no event about " + id + " within " + PATIENCE);
    }

    private static long sequence(Event event) throws IOException {
        return JSON.readTree(event.data()).path("sequence").asLong();
    }

    /** Open streams of this instance, as /q/metrics counts them. */
    private static double openStreams() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("clusterbridge_change_streams"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
