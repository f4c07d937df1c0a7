package org.clusterbridge.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clusterbridge.localstack.LocalStack;
import org.clusterbridge.system.ClusterBridge;
import org.clusterbridge.system.Report;
import org.clusterbridge.system.SystemTest;
import org.clusterbridge.system.TheSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard as a person uses it, in headless Chromium against the local stack with the seed data: signing in
 * with the stack's one-time link, every page through the navigation, charts, graph and map drawn, Japanese, a change
 * arriving on the overview by itself, bad input and a service that is down. Screenshots of every page are kept in
 * {@code target/dashboard-screenshots/}; axe-core checks every page.
 */
@SystemTest
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final List<String> NAVIGATION = List.of("Overview", "Network", "Clusters", "Agreements", "Funding",
            "Data quality");
    private static LocalStack stack;
    private static String dashboard;
    private static Browser browser;

    @BeforeAll
    static void signIn() throws IOException {
        stack = TheSystem.get().localStack("the dashboard's one-time sign-in link");
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (.ci/run installs "
                + "them: apt-get install chromium chromium-driver)");
        dashboard = stack.dashboardUrl();
        assertThat(dashboard).as("the local stack runs the dashboard").isNotNull();
        browser = new Browser();
        browser.open(stack.dashboardSignInLink());
        assertThat(browser.url()).isEqualTo(dashboard + "/");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aBrowserThatHasNotSignedInSeesTheSignInPageAndNoRegistryData() throws Exception {
        try (Browser stranger = new Browser()) {
            for (String page : List.of("/", "/clusters", "/clusters/medicen-paris-region", "/network",
                    "/data-quality")) {
                stranger.open(dashboard + page);
                assertThat(stranger.url()).as(page).startsWith(dashboard + "/sign-in");
                assertThat(stranger.text()).as(page).contains("Sign in").doesNotContain("Medicen")
                        .doesNotContain("LINK-J");
            }
            stranger.screenshot("sign-in");
        }
        HttpResponse<String> data = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dashboard
                + "/live")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(data.statusCode()).isEqualTo(401);
        assertThat(data.body()).doesNotContain("cluster-service\",\"events");
    }

    @Test
    @Order(2)
    void theSessionCookieIsHttpOnlyAndSameSiteAndTheLinkWorksOnce() throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("cb_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.script("return document.cookie")).asString().doesNotContain("cb_session");

        String link = stack.dashboardSignInLink();
        try (Browser other = new Browser()) {
            other.open(link);
            assertThat(other.url()).isEqualTo(dashboard + "/");
            assertThat(stack.dashboardSignInLink()).as("a new link once one is used").isNotEqualTo(link);
            try (Browser late = new Browser()) {
                late.open(link);
                assertThat(late.text()).contains("already used or is not valid").doesNotContain("Medicen");
            }
        }
    }

    @Test
    @Order(3)
    void everyPageIsReachableFromTheNavigationDrawsItsPicturesAndPassesAxe() {
        Map<String, Long> loads = new LinkedHashMap<>();
        Map<String, Integer> serious = new LinkedHashMap<>();
        for (String entry : NAVIGATION) {
            browser.open(dashboard + "/");
            browser.driver().findElement(By.linkText(entry)).click();
            assertThat(browser.find("h1").getText()).isEqualTo(entry);
            assertThat(browser.find("nav a[aria-current=page]").getText()).isEqualTo(entry);
            switch (entry) {
                case "Overview" -> {
                    assertThat(browser.awaitDrawn(".chart[data-chart]")).isEqualTo(3);
                    assertThat(browser.awaitDrawn(".map")).isEqualTo(1);
                    assertThat(browser.all(".map svg path")).hasSizeGreaterThan(100);
                    assertThat(browser.text()).contains("Clusters by country", "Latest figures");
                }
                case "Network" -> {
                    browser.awaitDrawn("#network");
                    assertThat(Long.parseLong(browser.find("#network").getDomAttribute("data-drawn")))
                            .isGreaterThanOrEqualTo(8);
                    assertThat(browser.script("return window.clusterNetwork.nodes('[kind = \"ALLIANCE\"]')"
                            + ".children().map(n => n.data('name')).sort()")).asList()
                            .contains("bioPmed Cluster", "BioWin", "Life Science Nord", "Lyonbiopole");
                }
                case "Clusters" -> {
                    long total = ClusterBridge.total(new ClusterBridge(TheSystem.get()).clusters());
                    assertThat(browser.find("#found").getText()).isEqualTo(total + " found");
                    WebElement search = browser.find("input[name=q]");
                    search.sendKeys("Medicen");
                    search.submit();
                    await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("q=Medicen"));
                    assertThat(browser.find("#cluster-table").getText()).contains("Medicen Paris Region")
                            .doesNotContain("BioWin");
                }
                case "Agreements" -> assertThat(browser.text()).contains("FBRI-MAGIA-2022", "LINK-J-MPR-2020");
                case "Funding" -> assertThat(browser.text()).contains("Projects certified");
                case "Data quality" -> assertThat(browser.text()).contains("Plausibility flags",
                        "Conflicting reports");
                default -> throw new AssertionError(entry);
            }
            loads.put(entry, browser.loadMillis());
            Path shot = browser.screenshot(entry.toLowerCase().replace(' ', '-'));
            List<Browser.Violation> violations = browser.axe();
            serious.put(entry, (int) violations.stream().filter(DashboardIT::serious).count());
            assertThat(violations).as("%s (%s): serious or critical axe-core violations", entry, shot)
                    .noneMatch(DashboardIT::serious);
        }
        Report.line("dashboard load (ms, navigation start to load end): %s; axe-core serious/critical: %s", loads,
                serious);
    }

    @Test
    @Order(4)
    void aClustersPageShowsItsProfileMembershipAgreementsAndFundingWithSources() {
        browser.open(dashboard + "/clusters/medicen-paris-region");
        String medicen = browser.text();
        assertThat(medicen).contains("Medicen Paris Region", "400", "over 430", "LINK-J-MPR-2020",
                "Projects certified", "305", "383", "Implausible jump from the previous report");
        assertThat(browser.all("#membership-reports tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.awaitDrawn(".chart[data-series]")).isGreaterThanOrEqualTo(4);
        browser.awaitDrawn(".chart[data-timeline]");
        browser.screenshot("cluster-medicen");
        assertThat(browser.axe()).noneMatch(DashboardIT::serious);

        browser.open(dashboard + "/clusters/fbri");
        assertThat(browser.text()).contains("本庶佑", "Tasuku Honjo");

        browser.open(dashboard + "/clusters/yamaguchi-medical-growth-strategy-council");
        assertThat(browser.text()).contains("Commercialisations", "FY2013–FY2017", "13");
        browser.awaitDrawn(".chart[data-series]");
        browser.screenshot("cluster-yamaguchi");
    }

    @Test
    @Order(5)
    void theAgreementsPageShowsCoSignersSignatoriesAndTheCeremony() {
        browser.open(dashboard + "/agreements");
        WebElement magia = browser.driver().findElements(By.cssSelector("article.agreement")).stream()
                .filter(a -> a.getText().contains("FBRI-MAGIA-2022")).findFirst().orElseThrow();
        assertThat(magia.getText()).contains("bioPmed Cluster", "BioWin", "Life Science Nord", "Lyonbiopole",
                "co-signing through MAGIA", "Masayoshi Murakami", "村上雅義", "Online", "2022-03-22 17:00–17:40 JST");
    }

    @Test
    @Order(6)
    void clickingANodeOfTheNetworkOpensTheCluster() {
        browser.open(dashboard + "/network");
        browser.awaitDrawn("#network");
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) browser.script("const c = document.getElementById('network');"
                + "c.scrollIntoView(); const box = c.getBoundingClientRect(); const n = window.clusterNetwork.nodes()"
                + ".filter(n => n.data('href') === '/clusters/link-j')[0].renderedPosition();"
                + "return { x: Math.round(box.left + n.x), y: Math.round(box.top + n.y) };");
        new Actions(browser.driver()).moveToLocation(at.get("x").intValue(), at.get("y").intValue()).click()
                .perform();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/clusters/link-j"));
        assertThat(browser.find("h1").getText()).contains("LINK-J");
    }

    @Test
    @Order(7)
    void japaneseSwitchesTheWordsAndTheNamesAndIsRemembered() {
        browser.open(dashboard + "/clusters/fbri");
        browser.driver().findElement(By.linkText("日本語")).click();
        assertThat(browser.find("nav").getText()).contains("概要", "ネットワーク", "クラスター", "協定", "データ品質");
        assertThat(browser.find("h1").getText()).contains("神戸医療産業都市推進機構");
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("ja");
        browser.screenshot("cluster-fbri-ja");

        browser.open(dashboard + "/clusters");
        assertThat(browser.find("h1").getText()).isEqualTo("クラスター");
        assertThat(browser.text()).as("a name without Japanese falls back to English").contains("BioWin");
        browser.open(dashboard + "/?lang=en");
        assertThat(browser.find("h1").getText()).isEqualTo("Overview");
    }

    @Test
    @Order(8)
    void aChangeArrivesOnTheOverviewByItself() {
        browser.open(dashboard + "/");
        browser.awaitDrawn(".chart[data-chart]");
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(browser.find("body")
                .getDomAttribute("data-live")));
        long before = Long.parseLong(browser.find("#cluster-total").getText());
        ClusterBridge api = new ClusterBridge(TheSystem.get());
        long written = System.nanoTime();
        api.registerCluster("dashboard-live", "Dashboard Live Cluster", "FR");
        // The live update replaces the counts, so an element found a moment ago may be gone: look again.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> Long.parseLong(browser.find("#cluster-total").getText()) == before + 1);
        Report.line("dashboard overview: a new cluster shown %d ms after its POST returned, without a reload",
                (System.nanoTime() - written) / 1_000_000);
        assertThat(browser.find("body").getDomAttribute("data-live-updates")).isNotNull();
    }

    @Test
    @Order(9)
    void badInputGivesAClearPageAndNoStackTrace() {
        browser.open(dashboard + "/clusters?country=france");
        assertThat(browser.find("h1").getText()).isEqualTo("Bad request");
        assertThat(browser.text()).contains("country", "ISO 3166-1").doesNotContain("Exception").doesNotContain(
                "at org.");
        browser.open(dashboard + "/clusters/no-such-cluster");
        assertThat(browser.text()).contains("There is no cluster no-such-cluster").doesNotContain("Exception");
        browser.open(dashboard + "/agreements?expiringWithinDays=-3");
        assertThat(browser.text()).contains("expiringWithinDays", "a whole number from 0 to 36500")
                .doesNotContain("Exception");
        browser.open(dashboard + "/clusters?country=france&lang=ja");
        assertThat(browser.text()).as("the reason in the page's language")
                .contains("フィルター country =「france」は無効です", "ISO 3166-1 alpha-2 コード")
                .doesNotContain("is not valid");
        browser.open(dashboard + "/?lang=en");
    }

    @Test
    @Order(10)
    void aServiceThatIsDownIsNamedAndTheRestIsShown() throws Exception {
        stack.killService(TheSystem.FUNDING_SERVICE);
        try {
            browser.open(dashboard + "/clusters/medicen-paris-region");
            assertThat(browser.text()).contains("funding-service did not answer: the funding figures",
                    "Medicen Paris Region", "LINK-J-MPR-2020");
            browser.screenshot("cluster-funding-down");
            browser.open(dashboard + "/clusters/medicen-paris-region?lang=ja");
            assertThat(browser.text()).as("what is missing, in Japanese too")
                    .contains("funding-service が応答しなかったため、このデータがありません: 資金の数値")
                    .doesNotContain("the funding figures");
            browser.open(dashboard + "/?lang=en");
        } finally {
            stack.restartService(TheSystem.FUNDING_SERVICE);
        }
    }

    @Test
    @Order(11)
    void anExpiredSessionGoesBackToSignIn() {
        browser.driver().manage().deleteCookieNamed("cb_session");
        browser.driver().manage().addCookie(new Cookie.Builder("cb_session", "ended-long-ago").path("/").build());
        browser.open(dashboard + "/funding");
        assertThat(browser.url()).startsWith(dashboard + "/sign-in");
        assertThat(browser.text()).contains("Your session ended").doesNotContain("Projects certified");
    }

    private static boolean serious(Browser.Violation violation) {
        return "serious".equals(violation.impact()) || "critical".equals(violation.impact());
    }
}
