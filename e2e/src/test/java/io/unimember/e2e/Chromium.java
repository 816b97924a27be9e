package io.unimember.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code ./platform
 * test} installs), emulating a 375 px wide phone. The driver binary is named explicitly, so Selenium Manager never
 * looks for or downloads one; Chromium's background networking is off (this machine reaches no outside host).
 */
final class Chromium {

    static final int PHONE_WIDTH = 375;
    static final int PHONE_HEIGHT = 812;

    private Chromium() {}

    static ChromeDriver start(Path logs) {
        Path binary = Path.of(System.getProperty("unimember.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("unimember.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("the browser tests need headless Chromium at " + binary
                    + " and its driver at " + driver + ": `./platform test` installs them (Debian packages chromium,"
                    + " chromium-driver and fonts-wqy-microhei), or point -Dunimember.chromium and"
                    + " -Dunimember.chromedriver at your own");
        }
        Path profile;
        try {
            Files.createDirectories(logs);
            profile = Files.createTempDirectory("unimember-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
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
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 2.0, "touch", true)));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** The whole page, not just the viewport, as PNG. */
    static void screenshot(ChromeDriver browser, Path file) {
        Number height = (Number) browser.executeScript("return document.scrollingElement.scrollHeight");
        Number width = (Number) browser.executeScript("return document.scrollingElement.scrollWidth");
        Map<String, Object> shot = browser.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    static void write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the pages logged as errors, less the failed requests the tests cause on purpose (a wrong code answers
     * 400, a used coupon 409, ...). A CSP or Trusted Types violation would be here.
     */
    static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of"))
                .toList();
    }
}
