package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/chromium}
 * installs) driven by Selenium against a server's console, with what every browser test needs: waits,
 * screenshots under {@code target/console-screenshots}, and axe-core (npm {@code axe-core}, installed
 * with {@code npm ci} from {@code src/test/axe} into {@code target/axe}) injected into a screen.
 * Without the browser or its driver the test is skipped, saying which is missing.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CONNECTSTAGE_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CONNECTSTAGE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();
    static final Path LOAD_TIMES = Path.of("target", "console-load-times.txt").toAbsolutePath();
    private static final Path AXE_DIR = Path.of("target", "axe").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final URI base;
    private final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
        // the screens redraw what changed when they poll, so an element found a moment ago may be gone
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Opens the console of the server at {@code base}. Without Chromium the test fails, saying how
     * to install it: a skipped browser test would prove nothing, and the test command installs it.
     */
    static ConsoleBrowser open(URI base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the console's browser tests need headless Chromium: " + CHROMIUM + " and "
                    + DRIVER + " (Debian's chromium and chromium-driver; .ci/chromium installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024", "--no-first-run", "--disable-extensions", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        ConsoleBrowser browser = new ConsoleBrowser(driver, base);
        driver.get(base.resolve("/").toString());
        return browser;
    }

    /** Goes to a screen by its hash route, e.g. {@code /manage/connectors}. */
    void go(String route) {
        driver.get(base.resolve("/").toString() + "#" + route);
    }

    /** Clicks the element matching css, found again if a redraw replaced it. */
    void click(String css) {
        wait.until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** The text of the element matching css, found again if a redraw replaced it. */
    String text(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching css is shown, and returns it. */
    WebElement shown(String css) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text is {@code expected} (status changes arrive by polling, without a reload). */
    void textBecomes(String css, String expected) {
        try {
            wait.until((ExpectedCondition<Boolean>) d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return !found.isEmpty() && found.get(0).getText().strip().equals(expected);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            List<WebElement> found = all(css);
            assertEquals(expected, found.isEmpty() ? "(no " + css + ")" : found.get(0).getText().strip(), css);
        }
    }

    /** Waits until the condition holds (found elements may be redrawn meanwhile). */
    void until(String what, java.util.function.BooleanSupplier condition) {
        try {
            wait.until(d -> condition.getAsBoolean() ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("not so after 20 s: " + what);
        }
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The page has not been reloaded since {@link #mark()}: the mark set on window is still there. */
    boolean stillMarked() {
        return Boolean.TRUE.equals(script("return window.__connectstageMark === true;"));
    }

    void mark() {
        script("window.__connectstageMark = true;");
    }

    /**
     * Appends how long the page at / took to load, as the browser measured it (navigation start to
     * the load event, and to the sign-in screen drawn), to target/console-load-times.txt: reported,
     * never asserted (the machines are shared, their speed is not the console's).
     */
    void recordLoadTime(String test) {
        Object t = script("const n = performance.getEntriesByType('navigation')[0];"
                + "return n ? [Math.round(n.responseEnd), Math.round(n.domContentLoadedEventEnd), Math.round(n.loadEventEnd),"
                + " Math.round(performance.now())].join(' ') : '';");
        try {
            Files.createDirectories(LOAD_TIMES.getParent());
            Files.writeString(LOAD_TIMES, test + " responseEnd/domContentLoaded/load/drawn ms: " + t + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes target/console-screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Runs axe-core on the screen as shown and fails on every serious or critical violation,
     * naming the rule, its help and the elements.
     */
    void assertAccessible(String screen) throws Exception {
        script(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));");
        JsonNode violations = JSON.readTree(String.valueOf(result));
        if (violations.has("error")) {
            fail("axe-core failed on " + screen + ": " + violations.get("error").asText());
        }
        List<String> bad = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                bad.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + targets);
            }
        }
        if (!bad.isEmpty()) {
            fail("axe-core on " + screen + ":\n" + String.join("\n", bad));
        }
    }

    private static String axeSource;

    private static synchronized String axeSource() throws Exception {
        if (axeSource == null) {
            Path axe = AXE_DIR.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.isRegularFile(axe)) {
                install();
            }
            axeSource = Files.readString(axe, StandardCharsets.UTF_8);
        }
        return axeSource;
    }

    private static void install() throws Exception {
        Files.createDirectories(AXE_DIR);
        for (String f : List.of("package.json", "package-lock.json")) {
            Files.copy(Path.of("src", "test", "axe", f), AXE_DIR.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = Files.createTempFile("axe-npm", ".log");
        Process p;
        try {
            p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts").directory(AXE_DIR.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run npm to install axe-core (node and npm are needed): " + e.getMessage(), e);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("npm ci of axe-core did not finish in 300 s:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertEquals(0, p.exitValue(), "npm ci of axe-core failed:\n" + output);
    }

    @Override
    public void close() {
        driver.quit();
    }

    WebDriver driver() {
        return driver;
    }
}
