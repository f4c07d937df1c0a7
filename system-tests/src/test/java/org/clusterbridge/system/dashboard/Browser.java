package org.clusterbridge.system.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A person's browser: Debian's headless Chromium (the {@code chromium} and {@code chromium-driver} packages), each
 * one with its own empty profile, so its cookies are its own. It keeps screenshots in {@code target/dashboard/}
 * and runs axe-core on a page.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String AXE = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version",
            "4.6.3") + "/axe.min.js";

    /** A violation axe-core found: its rule, impact and how many elements. */
    record Violation(String rule, String impact, int nodes, String help) {
    }

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("clusterbridge-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER)
                .toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The text a person sees on the page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until every element matching {@code css} says it was drawn ({@code data-drawn}); returns how many. */
    int awaitDrawn(String css) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !all(css).isEmpty()
                && all(css).stream().allMatch(e -> e.getDomAttribute("data-drawn") != null));
        return all(css).size();
    }

    /** Milliseconds from the start of the navigation to the end of the load event, as the browser measured it. */
    long loadMillis() {
        Object value = script("const n = performance.getEntriesByType('navigation')[0];"
                + "return n ? Math.round(n.loadEventEnd - n.startTime) : -1;");
        return ((Number) value).longValue();
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's violations on the current page (WCAG 2 A and AA rules and best practices). */
    @SuppressWarnings("unchecked")
    List<Violation> axe() {
        script(axeSource());
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => "
                + "({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })))).catch(e => done("
                + "[{ id: 'axe-error', impact: 'critical', nodes: 0, help: String(e) }]));");
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            violations.add(new Violation((String) v.get("id"), (String) v.get("impact"),
                    ((Number) v.get("nodes")).intValue(), (String) v.get("help")));
        }
        return violations;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
