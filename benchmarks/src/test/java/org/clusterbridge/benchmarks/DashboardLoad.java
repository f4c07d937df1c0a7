package org.clusterbridge.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How long the dashboard's pages take in a real browser, Debian's headless Chromium through its chromedriver: signs
 * in with the local stack's one-time link, loads each page {@code runs} times and prints per page the median and
 * the worst of two of the browser's own figures, from the start of the navigation: the load event's end, and the
 * moment every chart, map and graph on the page said it was drawn ({@code data-drawn}). The ceiling of the same run
 * is the sign-in page, which reads no registry data. Reports figures, asserts nothing.
 * <pre>
 * ./mvnw -B -q -Pbenchmarks -pl benchmarks exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.clusterbridge.benchmarks.DashboardLoad \
 *   -Ddashboard=http://127.0.0.1:8080 -DlinkFile=.local-stack/dashboard.url -Druns=7
 * </pre>
 */
public final class DashboardLoad {

    /** Page -> its address; the first is the sign-in page (the ceiling), opened without the session cookie. */
    static final Map<String, String> PAGES = pages("Sign-in page (ceiling)", "/sign-in", "Overview", "/",
            "Network", "/network", "Clusters", "/clusters", "A cluster (Medicen)", "/clusters/medicen-paris-region",
            "Agreements", "/agreements", "Funding", "/funding", "Data quality", "/data-quality");
    private static final String DRAWN = "return Array.from(document.querySelectorAll('.chart[data-chart], .map,"
            + " #network')).every(e => e.hasAttribute('data-drawn'))";

    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        String dashboard = System.getProperty("dashboard", "http://127.0.0.1:8080");
        Path linkFile = Path.of(System.getProperty("linkFile", ".local-stack/dashboard.url"));
        if (!linkFile.isAbsolute() && !Files.exists(linkFile) && Files.exists(Path.of("..").resolve(linkFile))) {
            linkFile = Path.of("..").resolve(linkFile);
        }
        int runs = Integer.getInteger("runs", 7);
        Path profile = Files.createTempDirectory("clusterbridge-bench-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
            Map<String, List<long[]>> figures = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (Map.Entry<String, String> page : PAGES.entrySet()) {
                    boolean ceiling = page.getValue().equals("/sign-in");
                    if (ceiling) {
                        driver.manage().deleteAllCookies();
                    } else if (driver.manage().getCookieNamed("cb_session") == null) {
                        driver.get(Files.readString(linkFile, StandardCharsets.US_ASCII).strip());
                    }
                    figures.computeIfAbsent(page.getKey(), k -> new ArrayList<>())
                            .add(measure(driver, dashboard + page.getValue()));
                }
            }
            System.out.printf("Dashboard %s, %d loads of each page, ms from navigation start (median / worst):%n",
                    dashboard, runs);
            System.out.printf("| page | load end | drawn | load end / ceiling |%n|---|---|---|---|%n");
            long ceiling = median(figures.values().iterator().next(), 0);
            figures.forEach((page, values) -> System.out.printf("| %s | %d / %d | %d / %d | %.1f |%n", page,
                    median(values, 0), worst(values, 0), median(values, 1), worst(values, 1),
                    (double) median(values, 0) / Math.max(1, ceiling)));
        } finally {
            driver.quit();
        }
    }

    /** {load event end, all pictures drawn} in ms from the navigation's start. */
    private static long[] measure(ChromeDriver driver, String url) throws InterruptedException {
        driver.get(url);
        JavascriptExecutor js = driver;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Boolean.TRUE.equals(js.executeScript(DRAWN)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long drawn = ((Number) js.executeScript("return Math.round(performance.now())")).longValue();
        long load = ((Number) js.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + "return n ? Math.round(n.loadEventEnd - n.startTime) : -1;")).longValue();
        return new long[] {load, Math.max(load, drawn)};
    }

    private static long median(List<long[]> values, int index) {
        long[] sorted = values.stream().mapToLong(v -> v[index]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long worst(List<long[]> values, int index) {
        return values.stream().mapToLong(v -> v[index]).max().orElse(-1);
    }

    private static Map<String, String> pages(String... namesAndPaths) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            pages.put(namesAndPaths[i], namesAndPaths[i + 1]);
        }
        return pages;
    }
}
