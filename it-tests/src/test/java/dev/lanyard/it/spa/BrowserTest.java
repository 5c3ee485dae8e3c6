package dev.lanyard.it.spa;

import dev.lanyard.it.support.Installer;
import dev.lanyard.it.support.MicroTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test of the web UI in a real browser: Debian's headless Chromium, driven through Debian's chromedriver, with
 * the few moves the tests make and a screenshot of a whole page under {@code target/screenshots}.
 */
abstract class BrowserTest extends MicroTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("lanyard.screenshots", "target/screenshots"));

    protected WebDriver browser;
    protected WebDriverWait wait;
    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeEach
    void startChromium() throws IOException, InterruptedException {
        installChromiumIfMissing();
        browser = newBrowser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Another browser, with a profile and cookies of its own, as a second device of the same user. */
    protected WebDriver newBrowser() throws IOException {
        Path profile = Files.createTempDirectory("lanyard-chromium-");
        profiles.add(profile);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling home, which this network refuses.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver started = new ChromeDriver(service, options);
        browsers.add(started);
        return started;
    }

    @AfterEach
    void stopChromium() throws IOException {
        browsers.forEach(WebDriver::quit);
        for (Path profile : profiles) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    protected void heading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    protected void click(By target) {
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    protected void type(String name, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        input.clear();
        input.sendKeys(text);
    }

    /** Date inputs take keys in the browser's locale format; the value set here is what the form submits. */
    protected void setDate(String name, LocalDate date) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1]", browser.findElement(By.name(name)), date.toString());
    }

    /** The whole page: the window grows to the document's height first. */
    protected void screenshot(String name) {
        // From the usual size, so a tall earlier page does not stretch this one.
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Object height = ((JavascriptExecutor) browser)
                .executeScript(
                        "return document.documentElement.scrollHeight" + " + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.max(900, ((Number) height).intValue())));
        try {
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CI runs as root on a Debian machine: install Debian's Chromium rather than let any tool download one. */
    private static void installChromiumIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        if (!Installer.run(
                "chromium",
                Path.of("."),
                15,
                "sh",
                "-c",
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver")) {
            throw new IllegalStateException("Chromium is missing and apt-get could not install it"
                    + " (apt-get install chromium chromium-driver, as root)");
        }
    }
}
