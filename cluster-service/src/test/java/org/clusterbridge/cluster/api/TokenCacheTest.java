package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clusterbridge.embedded.TokenIssuer;
import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Verified tokens are reused (api-support's VerifiedTokens) without changing who gets in: a reused token keeps its
 * roles, and a tampered, foreign-key or expired token is refused even when a token with the same claims was
 * accepted and kept a moment before. The service's own counters tell a reuse from a verification.
 */
@QuarkusTest
class TokenCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNTER = Pattern.compile(
            "clusterbridge_token_verifications_total\\{result=\"(reused|verified)\"} ([0-9.E]+)");

    @Test
    void aTokenIsVerifiedOnceThenReusedWithItsRoles() {
        String reader = TestTokens.reader();
        Counts before = counts();
        get(reader, "/api/clusters").then().statusCode(200);
        get(reader, "/api/clusters").then().statusCode(200);
        get(reader, "/api/focus-areas").then().statusCode(200);
        Counts after = counts();
        assertThat(after.verified() - before.verified()).isEqualTo(1);
        assertThat(after.reused() - before.reused()).isEqualTo(2);
        // still a reader only: the reused identity is refused what the role does not allow
        RestAssured.given().auth().oauth2(reader).delete("/api/clusters/medicen-paris-region").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTamperedTokenIsRefusedThoughTheGenuineOneIsKept() {
        String reader = TestTokens.reader();
        get(reader, "/api/clusters").then().statusCode(200);
        String[] parts = reader.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = payload.replace("\"registry-reader\"", "\"registry-admin\",\"registry-reader\"");
        assertThat(promoted).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        get(tampered, "/api/clusters").then().statusCode(401).contentType(startsWith("application/problem+json"));
        String resigned = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        get(resigned, "/api/clusters").then().statusCode(401);
        get(reader, "/api/clusters").then().statusCode(200);
    }

    @Test
    void aTokenOfAnotherKeyOrExpiredIsRefused() {
        TokenIssuer trusted = TestTokens.issuer();
        get(trusted.token(TestTokens.READER_SUBJECT, TokenIssuer.READER), "/api/clusters").then().statusCode(200);
        TokenIssuer foreign = TokenIssuer.generate(trusted.issuer());
        get(foreign.token(TestTokens.READER_SUBJECT, TokenIssuer.READER), "/api/clusters").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        get(trusted.expired(TestTokens.READER_SUBJECT, TokenIssuer.READER), "/api/clusters").then().statusCode(401);
    }

    @Test
    void aKeptTokenIsVerifiedAgainOnceItHasExpired() {
        String shortLived = TestTokens.issuer().token(TestTokens.READER_SUBJECT, Set.of(TokenIssuer.READER),
                Duration.ofSeconds(2));
        get(shortLived, "/api/clusters").then().statusCode(200);
        long expiresAt = claims(shortLived).path("exp").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().getEpochSecond() > expiresAt);
        Counts before = counts();
        // past its exp the kept identity is dropped: the validator decides again (within its clock skew, or 401)
        get(shortLived, "/api/clusters");
        Counts after = counts();
        assertThat(after.reused()).isEqualTo(before.reused());
    }

    /** The token's payload, as its claims. */
    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.restassured.response.Response get(String token, String path) {
        return RestAssured.given().auth().oauth2(token).get(path);
    }

    private record Counts(double reused, double verified) {
    }

    private static Counts counts() {
        String metrics = RestAssured.given().auth().none().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        double reused = 0;
        double verified = 0;
        for (Matcher m = COUNTER.matcher(metrics); m.find();) {
            if (m.group(1).equals("reused")) {
                reused = Double.parseDouble(m.group(2));
            } else {
                verified = Double.parseDouble(m.group(2));
            }
        }
        return new Counts(reused, verified);
    }
}
