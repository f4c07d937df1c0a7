package org.clusterbridge.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may look: nothing but the sign-in page without a session, a one-time link that opens one with an HttpOnly,
 * SameSite cookie, and a strict Content-Security-Policy on every page. The services are down in these tests (see
 * application.properties), so the pages also show how missing data is named.
 */
@QuarkusTest
class SignInTest {

    private static final Path LINK = Path.of("target/test-dashboard.url");

    @Test
    void withoutASessionEveryPageSendsTheBrowserToSignInAndDataIsRefused() {
        for (String page : new String[] { "/", "/clusters", "/clusters/medicen-paris-region", "/network",
                "/agreements", "/funding", "/data-quality", "/exports/clusters.csv" }) {
            // What a browser asks for when it follows a link.
            given().redirects().follow(false).accept("text/html,application/xhtml+xml,*/*;q=0.8").get(page).then()
                    .statusCode(303)
                    .header("Location", containsString("/sign-in?next="));
        }
        given().accept("text/event-stream").get("/live").then().statusCode(401)
                .contentType("application/problem+json");
        given().accept("text/html").get("/sign-in").then().statusCode(200)
                .body(containsString("Sign in"), containsString("dashboard.url"));
    }

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicy() {
        String policy = given().accept("text/html").get("/sign-in").then().statusCode(200).extract()
                .header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(given().get("/static/dashboard.css").then().statusCode(200).extract()
                .header("Content-Security-Policy")).isEqualTo(policy);
    }

    @Test
    void theLinkSignsInOnceWithAnHttpOnlySameSiteCookieAndANewLinkIsWritten() throws IOException {
        String link = link();
        Response signedIn = given().redirects().follow(false).get(pathOf(link) + "&next=/agreements");
        signedIn.then().statusCode(303).header("Location", containsString("/agreements"));
        String cookie = signedIn.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("cb_session=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/");
        String session = signedIn.getCookie("cb_session");

        assertThat(link()).as("a new link after the first is used").isNotEqualTo(link);
        given().redirects().follow(false).accept("text/html").get(pathOf(link)).then().statusCode(403)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                .body(containsString("already used or is not valid"));

        given().cookie("cb_session", session).accept("text/html").get("/").then().statusCode(200)
                .body(containsString("Overview"), containsString("cluster-service did not answer"));

        given().redirects().follow(false).cookie("cb_session", session).post("/sign-out").then().statusCode(303);
        given().redirects().follow(false).cookie("cb_session", session).accept("text/html").get("/").then()
                .statusCode(303).header("Location", containsString("expired=true"));
    }

    @Test
    void afterSigningInTheBrowserOnlyGoesBackToAPageOfThisSite() throws IOException {
        for (String next : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example" }) {
            given().redirects().follow(false).queryParam("next", next).get(pathOf(link())).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/"))
                    .header("Location", not(containsString("evil")));
        }
    }

    @Test
    void badInputIsAClearPageInTheVisitorsLanguageNeverAStackTrace() throws IOException {
        String session = session();
        given().cookie("cb_session", session).accept("text/html").get("/clusters?country=france").then()
                .statusCode(400).contentType(containsString("text/html"))
                .body(containsString("country"), containsString("ISO 3166-1"), not(containsString("Exception")));
        given().cookie("cb_session", session).accept("text/html").get("/agreements?expiringWithinDays=soon").then()
                .statusCode(400).body(containsString("expiringWithinDays"));
        given().cookie("cb_session", session).accept("text/html").get("/clusters/<script>").then()
                .statusCode(400).body(not(containsString("<script>")));
        given().cookie("cb_session", session).accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString("Not found"), not(containsString("Exception")));
        given().cookie("cb_session", session).accept("text/html").get("/clusters/some-cluster").then()
                .statusCode(503).body(containsString("cluster-service did not answer"));
    }

    @Test
    void langChoosesTheLanguageAndACookieRemembersIt() throws IOException {
        String session = session();
        Response japanese = given().cookie("cb_session", session).accept("text/html").get("/?lang=ja");
        japanese.then().statusCode(200).body(containsString("<html lang=\"ja\">"), containsString("概要"),
                containsString("データ品質"));
        assertThat(japanese.getCookie("cb_lang")).isEqualTo("ja");
        given().cookie("cb_session", session).cookie("cb_lang", "ja").accept("text/html").get("/funding").then()
                .statusCode(200).body(containsString("資金・実績"));
        given().cookie("cb_session", session).header("Accept-Language", "ja-JP,ja;q=0.9").accept("text/html")
                .get("/network").then().statusCode(200).body(containsString("ネットワーク"));
        given().cookie("cb_session", session).accept("text/html").get("/network?lang=xx").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    private static String session() throws IOException {
        return given().redirects().follow(false).get(pathOf(link())).then().statusCode(303).extract()
                .cookie("cb_session");
    }

    private static String link() throws IOException {
        return Files.readString(LINK, StandardCharsets.US_ASCII).trim();
    }

    /** The link's path and query, to ask the test's own server (the link names the configured public URL). */
    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
