package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console ({@code /console}) in real headless Chromium: the demo operator signs in with password and a
 * TOTP code, reads the audit log, onboards a business unit and finds it listed, makes an operator whose password
 * is shown once; opens the risk review queue and the rules in force; a wrong code is said in words. Screenshots as in
 * {@link BrowserTests}.
 */
@DisabledIfSystemProperty(named = "unimember.browser", matches = "false")
class ConsoleBrowserTests {

    /** The demo operator of member-service's demo profile (decision 0048). */
    private static final String OPERATOR = "ops";

    private static final String PASSWORD = "demo-password";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static PlatformUnderTest platform;
    static ChromeDriver browser;
    static Path screenshots;

    /** The last TOTP step a sign-in used: the server takes each step's code once (no replay). */
    private static long lastStep;

    @BeforeAll
    static void start() {
        platform = PlatformUnderTest.shared();
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        screenshots = Path.of(System.getProperty(
                "unimember.screenshots", target.resolve("screenshots").toString()));
        browser = Chromium.start(target.resolve("e2e-logs"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDemoOperatorSignsInReadsTheAuditLogAndOnboardsABusinessUnit() throws Exception {
        openTab("/console");
        assertThat(visibleText("#demo-hint")).contains("ops", "demo-password");

        signIn(unusedTotp());
        assertThat(visibleText("#who")).contains(OPERATOR, "OPERATOR");
        waitVisible("#audit-table");

        String code = "E2E_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        click("[data-view='units']");
        waitVisible("#unit-code").sendKeys(code);
        browser.findElement(By.id("unit-name")).sendKeys("端到端");
        click("#unit-form button[type='submit']");
        waitForText("#message", code);
        waitForText("#unit-list", code);
        Chromium.screenshot(browser, screenshots.resolve("console-business-units.png"));

        click("[data-view='audit']");
        waitForText("#audit-rows", "BUSINESS_UNIT_CREATED");
        Chromium.screenshot(browser, screenshots.resolve("console-audit.png"));

        click("[data-view='operators']");
        waitVisible("#new-username")
                .sendKeys("e2e-" + UUID.randomUUID().toString().substring(0, 8));
        click("#operator-form button[type='submit']");
        assertThat(visibleText("#created-password")).hasSizeGreaterThan(16);
        assertThat(visibleText("#created-totp")).matches("[A-Z2-7]{32}");
        assertThat(Chromium.consoleErrors(browser)).as("errors the page logged").isEmpty();
    }

    @Test
    void theDemoOperatorOpensTheRiskReviewQueueAndTheRulesInForce() throws Exception {
        openTab("/console");
        signIn(unusedTotp());
        waitVisible("#audit-table");

        click("[data-view='risk']");
        assertThat(visibleText("#risk-heading")).isIn("风控审核", "Risk reviews");
        waitVisible("#risk-table");
        assertThat(browser.findElement(By.id("risk-status")).getDomProperty("value"))
                .isEqualTo("OPEN");
        // the queue may be empty or hold what other tests parked; the rules a platform starts with are listed below it
        waitForText("#rules-rows", "more than 3 registrations on one device in 24 h");
        assertThat(visibleText("#risk-policy")).isNotBlank().doesNotContain("{");
        Chromium.screenshot(browser, screenshots.resolve("console-risk-reviews.png"));
        assertThat(Chromium.consoleErrors(browser)).as("errors the page logged").isEmpty();
    }

    @Test
    void aWrongCodeIsSaidInWords() {
        openTab("/console");
        // a code of the step an hour ago is never valid now
        signIn(totp(Instant.now().minus(Duration.ofHours(1))));

        String said = visibleText("#message");
        assertThat(said).doesNotContain("{", "OPERATOR_SIGN_IN_FAILED");
        assertThat(browser.findElement(By.id("console-view")).isDisplayed()).isFalse();
    }

    private void signIn(String code) {
        waitVisible("#username").sendKeys(OPERATOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("totp")).sendKeys(code);
        click("#signin-form button[type='submit']");
    }

    private void openTab(String path) {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(platform.gatewayUrl() + path);
    }

    private void click(String css) {
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    private WebElement waitVisible(String css) {
        return new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void waitForText(String css, String text) {
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private String visibleText(String css) {
        return waitVisible(css).getText();
    }

    /** A code of a step no sign-in here used yet: waits for the next 30 s step when this one's code was taken. */
    private static synchronized String unusedTotp() throws InterruptedException {
        long step = await().atMost(Duration.ofSeconds(35))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().getEpochSecond() / 30, now -> now > lastStep);
        lastStep = step;
        return totp(Instant.ofEpochSecond(step * 30));
    }

    /** RFC 6238 (SHA-1, 6 digits, 30 s), as the operator's authenticator app computes it. */
    private static String totp(Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(TOTP_SECRET), "HmacSHA1"));
            byte[] hash = mac.doFinal(
                    ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | (c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
