package org.clusterbridge.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import org.clusterbridge.embedded.TokenIssuer;
import org.clusterbridge.localstack.LocalStack;
import org.clusterbridge.system.ClusterBridge;
import org.clusterbridge.system.Http;
import org.clusterbridge.system.Report;
import org.clusterbridge.system.SystemTest;
import org.clusterbridge.system.TheSystem;
import org.clusterbridge.system.Tokens;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The identity path of docker compose on one machine ({@code ./local-stack.sh --keycloak}): Keycloak 26 from Maven
 * Central issues the tokens the services accept, and a person signs in to the dashboard on Keycloak's own login page
 * (the realm's {@code dashboard} client, authorization code flow with PKCE). The dashboard reads the services with
 * that client's service account, so no token reaches the browser; signing out ends the Keycloak session too.
 */
@SystemTest
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSignInIT {

    /** A signed JWT (header.payload.signature, the first two base64url JSON): what a bearer token looks like. */
    private static final Pattern JWS = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path data;
    private static LocalStack stack;
    private static String dashboard;
    private static String keycloak;
    private static Browser browser;

    @BeforeAll
    static void startWithKeycloak() throws Exception {
        Assumptions.assumeTrue(TheSystem.localStackMode(),
                "skipped against externally started services: the test starts a local stack of its own");
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (.ci/run installs "
                + "them: apt-get install chromium chromium-driver)");
        TheSystem.quietLogs();
        data = Files.createTempDirectory("clusterbridge-keycloak");
        Path root = TheSystem.servicesSnapshotWithKeycloak(data);
        long started = System.nanoTime();
        stack = LocalStack.launch("--root", root.toString(), "--data", data.resolve("stack").toString(),
                "--kafka-port", TheSystem.port(), "--kafka-controller-port", TheSystem.port(),
                "--postgres-port", TheSystem.port(), "--mongo-port", TheSystem.port(),
                "--cluster-service-port", TheSystem.port(), "--mou-service-port", TheSystem.port(),
                "--funding-service-port", TheSystem.port(), "--dashboard-port", TheSystem.port(),
                "--keycloak", "--keycloak-port", TheSystem.port(), "--keycloak-management-port", TheSystem.port());
        Report.line("keycloak: local stack with Keycloak %s, the services, the seed and the dashboard up in %.1f s",
                stack.keycloakRealmUrl(), (System.nanoTime() - started) / 1e9);
        dashboard = stack.dashboardUrl();
        keycloak = URI.create(stack.keycloakRealmUrl()).resolve("/").toString().replaceAll("/$", "");
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.stop();
        }
        if (data != null) {
            TheSystem.deleteQuietly(data);
        }
    }

    @Test
    @Order(1)
    void aPartnerSystemsKeycloakTokenReadsWritesAsItselfAndIsRefusedARetire() throws Exception {
        String token = stack.keycloakToken("partner-system");
        String clusters = stack.baseUrl(TheSystem.CLUSTER_SERVICE) + "/api/clusters";
        assertThat(send(HttpRequest.newBuilder(URI.create(clusters)).GET(), token).statusCode()).isEqualTo(200);

        String body = ClusterBridge.clusterRequest(ClusterBridge.slug("keycloak"), "Keycloak Written Cluster", "FR",
                "CLUSTER").toString();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(clusters))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode cluster = Http.JSON.readTree(created.body());
        assertThat(cluster.path("createdBy").asText()).isEqualTo(Tokens.subject(token));

        HttpResponse<String> retire = send(HttpRequest.newBuilder(URI.create(clusters + "/" + cluster.path("id")
                .asText())).DELETE(), token);
        assertThat(retire.statusCode()).as("an editor may not retire").isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(clusters)).GET(),
                stack.keycloakToken("registry-admin-cli")).statusCode()).isEqualTo(200);

        // With Keycloak, its tokens are the only ones: one the stack signs itself is refused.
        String own = stack.tokenIssuer().token("not-keycloak", Set.of(TokenIssuer.READER), Duration.ofMinutes(5));
        assertThat(send(HttpRequest.newBuilder(URI.create(clusters)).GET(), own).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aPersonSignsInOnKeycloaksOwnPageAndSeesTheRegistryWithoutHoldingAToken() {
        browser.open(dashboard + "/clusters");
        assertThat(browser.url()).startsWith(keycloak + "/realms/clusterbridge/protocol/openid-connect/auth")
                .contains("client_id=dashboard", "code_challenge_method=S256");
        assertThat(browser.text()).doesNotContain("Medicen");
        browser.screenshot("keycloak-sign-in");
        browser.find("#username").sendKeys("dashboard-reader");
        browser.find("#password").sendKeys("dev-only-reader-password");
        browser.find("#password").submit();

        // The realm marks the example user's password temporary: Keycloak asks for a new one first.
        until("Keycloak's new-password form or the dashboard", () -> !browser.all("#password-new").isEmpty()
                || browser.url().startsWith(dashboard));
        if (!browser.all("#password-new").isEmpty()) {
            browser.find("#password-new").sendKeys("a-new-reader-password-42");
            browser.find("#password-confirm").sendKeys("a-new-reader-password-42");
            browser.find("#password-confirm").submit();
        }
        awaitPage(dashboard + "/clusters");
        assertThat(browser.find("h1").getText()).isEqualTo("Clusters");
        assertThat(browser.text()).contains("Medicen Paris Region", "Sign out");
        browser.screenshot("keycloak-signed-in-clusters");

        // The session cookie is quarkus-oidc's: HttpOnly, SameSite, and encrypted, not a token a script could use.
        Cookie session = browser.driver().manage().getCookieNamed("q_session");
        assertThat(session).as("quarkus-oidc's session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            assertThat(JWS.matcher(cookie.getValue()).find()).as("cookie %s holds a readable token", cookie.getName())
                    .isFalse();
        }
        assertThat(JWS.matcher(browser.driver().getPageSource()).find()).as("a token in the page").isFalse();
        assertThat(browser.script("return document.cookie")).asString().doesNotContain("q_session");
    }

    @Test
    @Order(3)
    void signingOutEndsTheKeycloakSessionToo() {
        browser.open(dashboard + "/");
        browser.find("form[action='/sign-out'] button").click();
        awaitPage(dashboard + "/sign-in");
        assertThat(browser.text()).doesNotContain("Medicen");
        browser.open(dashboard + "/agreements");
        assertThat(browser.url()).as("Keycloak asks for the password again")
                .startsWith(keycloak + "/realms/clusterbridge/protocol/openid-connect/auth");
        assertThat(browser.all("#password")).hasSize(1);
    }

    /** Waits for the browser to arrive at a page. */
    private static void awaitPage(String prefix) {
        until(prefix + "...", () -> browser.url().startsWith(prefix));
    }

    /** Waits for what the browser should show; says what it shows instead when it does not. */
    private static void until(String expected, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(condition);
        } catch (ConditionTimeoutException e) {
            browser.screenshot("keycloak-unexpected");
            throw new AssertionError("expected " + expected + ", the browser is at " + browser.url() + ":\n"
                    + browser.text(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
