package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The member center ({@code /}) and the merchant POS ({@code /merchant}) in real headless Chromium on a 375 px
 * phone screen, against all six apps: a member logs in, sees tier, points and 神券, shows a coupon's QR code, the
 * merchant redeems that code and the member watches it turn used. Errors are sentences, not JSON. Screenshots go
 * to {@code target/screenshots} ({@code -Dunimember.screenshots=<dir>} elsewhere, e.g. {@code docs/screenshots}).
 * {@code -Dunimember.browser=false} leaves these tests out.
 */
@DisabledIfSystemProperty(named = "unimember.browser", matches = "false")
class BrowserTests {

    private static final String SECRET = "demo-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static PlatformUnderTest platform;
    static Api api;
    static ChromeDriver browser;
    static String home;
    static Path screenshots;

    @BeforeAll
    static void start() {
        platform = PlatformUnderTest.shared();
        api = new Api(platform.gatewayUrl());
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        screenshots = Path.of(System.getProperty(
                "unimember.screenshots", target.resolve("screenshots").toString()));
        browser = Chromium.start(target.resolve("e2e-logs"));
        home = browser.getWindowHandle();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each test works in tabs of its own; the pages' session storage is per tab, so no login leaks between tests. */
    @AfterEach
    void closeTabs() {
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(home)) {
                browser.switchTo().window(handle).close();
            }
        }
        browser.switchTo().window(home);
        assertThat(Chromium.consoleErrors(browser))
                .as("errors the pages logged")
                .isEmpty();
    }

    @Test
    void aMemberShowsA神券ThatTheMerchantRedeemsAndWatchesItTurnUsed() throws Exception {
        Member member = goldMemberWithCoupons();
        JsonNode points = api.get("/api/v1/points/me", member.token).body();
        JsonNode tier = api.get("/api/v1/tiers/me", member.token).body();
        JsonNode everywhere = couponWithScenes(member, "ALL");
        JsonNode cinema = couponWithScenes(member, "ENTERTAINMENT");

        String memberTab = openTab("/");
        assertFitsThePhone();
        assertThat(visibleText("#demo-hint")).contains("000000");
        logIn(member.phone, "000000");

        waitForText("#tier-name", "黄金会员");
        assertThat(visibleText("#tier-next"))
                .isEqualTo("再获得 %,d 成长值升级为铂金会员", tier.path("growthToNext").asLong());
        assertThat(visibleText("#tier-retained")).matches("等级保至 \\d{4}-\\d{2}-\\d{2}");
        assertThat(Double.parseDouble(browser.findElement(By.cssSelector("#tier-card progress"))
                        .getDomProperty("position")))
                .isBetween(0.0, 1.0);
        waitForText(
                "#points-available",
                String.format("%,d", points.path("available").asLong()));
        assertThat(visibleText("#points-card"))
                .contains("可抵 ¥" + points.path("available").asLong() / 100 + ".");
        assertThat(visibleText("#history-list")).contains("消费获得", "到店餐饮", "+2,000");

        // the wallet by scene: the ALL-scenes 神券 shows everywhere, the cinema's and the hotel's only there
        waitForCoupons(3);
        click("[data-chip='scene-ENTERTAINMENT']");
        waitForCoupons(2);
        assertThat(coupon(everywhere.path("couponId").asString()).getText()).contains("¥15", "全场景通用");
        assertThat(coupon(cinema.path("couponId").asString()).getText()).contains("¥20", "休闲娱乐");
        click("[data-chip='scene-HOTEL']");
        waitForCoupons(2);
        click("[data-chip='scene-ALL']");
        waitForCoupons(3);
        assertFitsThePhone();
        Chromium.screenshot(browser, screenshots.resolve("member-center.png"));

        // the QR code carries the coupon's code, as a merchant's scanner reads it
        coupon(cinema.path("couponId").asString())
                .findElement(By.cssSelector(".show-qr"))
                .click();
        waitForText("#qr-code", cinema.path("code").asString());
        String scanned = decodeQr(browser.findElement(By.id("qr-canvas")).getScreenshotAs(OutputType.BYTES));
        assertThat(scanned).isEqualTo(cinema.path("code").asString());
        assertFitsThePhone();
        Chromium.write(screenshots.resolve("member-coupon-qr.png"), browser.getScreenshotAs(OutputType.BYTES));

        openTab("/merchant");
        assertThat(visibleText("#demo-hint")).contains("merchant-demo", "demo-secret");
        merchantSignIn();
        assertThat(visibleText("#merchant-name")).isEqualTo("merchant-demo");
        assertThat(visibleText("#merchant-scene")).isEqualTo("休闲娱乐");
        redeem(scanned, "80");
        WebElement done = waitVisible("#redeem-result [data-result='redeemed']");
        assertThat(done.getText()).contains("核销成功", "优惠 ¥20.00", "休闲娱乐");
        assertFitsThePhone();
        Chromium.screenshot(browser, screenshots.resolve("merchant-pos.png"));

        redeem(scanned, "80");
        assertThat(errorIn("#redeem-result")).isEqualTo("该券已使用，不能重复核销。");
        redeem("NOSUCHCODE", "");
        assertThat(errorIn("#redeem-result")).isEqualTo("券码不存在，请核对后重试。");
        redeem(cinema.path("couponId").asString(), "-5");
        assertThat(errorIn("#redeem-result")).isEqualTo("消费金额应为大于 0 的数字，最多两位小数。");

        browser.switchTo().window(memberTab);
        WebElement status = waitVisible("#qr-status[data-status='REDEEMED']");
        assertThat(status.getText()).isEqualTo("已核销，感谢使用！");
        click("#qr-close");
        waitForCoupons(2); // the wallet reloaded: the cinema's coupon is no longer available
        click("[data-chip='status-REDEEMED']");
        WebElement used = new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "[data-coupon-id='" + cinema.path("couponId").asString() + "'][data-status='REDEEMED']")));
        assertThat(used.getText()).contains("已使用").doesNotContain("出示券码");
        assertFitsThePhone();

        // in English the same screen still fits the phone
        click("#lang");
        waitForText("#tier-name", "Gold");
        assertThat(visibleText("#wallet h2")).isEqualTo("My coupons");
        assertThat(visibleText("#points-card")).contains("Available points");
        assertFitsThePhone();
        click("#lang");
        waitForText("#tier-name", "黄金会员");

        // signing out revokes the page's token on the server, not just in the tab
        String pageToken = (String)
                browser.executeScript("return JSON.parse(sessionStorage.getItem('unimember.member')).access_token");
        assertThat(api.get("/api/v1/members/me", pageToken).status()).isEqualTo(200);
        click("#sign-out");
        waitVisible("#login-view");
        await().atMost(PATIENCE)
                .until(() -> api.get("/api/v1/members/me", pageToken).status() == 401);
    }

    @Test
    void aMemberBuysThePaidPlanAndCancelsItsRenewalOnTheMemberCenter() {
        String plan = "WEB_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        write("/api/v1/admin/membership-plans", api.clientToken("admin", SECRET), paidPlan(plan), 201);
        Member member = newMember();

        openTab("/");
        logIn(member.phone, "000000");
        waitVisible("#membership-plans [data-plan='" + plan + "']");
        assertFitsThePhone();
        Chromium.screenshot(browser, screenshots.resolve("member-membership-plans.png"));
        click("#membership-plans [data-plan='" + plan + "']");
        waitForText("#membership-pending", "待支付 ¥18");
        JsonNode me = api.get("/api/v1/memberships/me", member.token).body();
        String purchaseId = me.path("pendingPurchase").path("purchaseId").asString();
        // the BU that takes the money confirms it, as its checkout would
        write(
                "/api/v1/bu/memberships/payments",
                api.clientToken("bu-food_delivery", SECRET),
                Map.of("paymentId", "pay-" + purchaseId, "purchaseId", purchaseId, "amountFen", 1800),
                200);

        browser.navigate().refresh();
        waitForText("#membership-plan", "神会员");
        assertThat(visibleText("#membership-status")).isEqualTo("到期自动续费");
        assertThat(visibleText("#membership-counted")).contains("本月剩余 FREE_DELIVERY 3 次");
        assertFitsThePhone();
        Chromium.screenshot(browser, screenshots.resolve("member-membership.png"));

        click("#membership-cancel");
        waitForText("#membership-status", "已取消自动续费");
        assertThat(api.get("/api/v1/memberships/me", member.token)
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    private static Map<String, Object> paidPlan(String code) {
        return Map.of(
                "code",
                code,
                "name",
                "神会员",
                "period",
                "MONTH",
                "priceFen",
                1800,
                "discounts",
                List.of(),
                "benefits",
                List.of(Map.of("type", "COUNTED", "benefit", "FREE_DELIVERY", "perMonth", 3)),
                "revenueSplit",
                List.of(Map.of("bu", "FOOD_DELIVERY", "basisPoints", 10_000)));
    }

    @Test
    void aWrongCodeIsSaidInWordsInEitherLanguage() {
        openTab("/");
        String phone = newPhone();
        logIn(phone, "123456");
        assertThat(errorIn("#login-message")).isEqualTo("验证码错误或已过期，请重新输入。");

        click("#lang");
        waitForText("#login-view h2", "Sign in with your phone");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        browser.findElement(By.id("otp")).clear();
        browser.findElement(By.id("otp")).sendKeys("654321");
        click("#login");
        waitForText("#login-message", "The code is wrong or has expired. Please enter it again.");
        browser.navigate().refresh();
        waitForText("#login-view h2", "Sign in with your phone");
        click("#lang"); // back to Chinese for the other tests (the choice is kept per browser)
        waitForText("#login-view h2", "手机号登录");
        assertFitsThePhone();
    }

    @Test
    void aMerchantSeesAMemberOnlyAfterTheMemberConsents() {
        Member member = silverMemberWithACoupon();

        String merchantTab = openTab("/merchant");
        merchantSignIn();
        lookUp(member.id);
        assertThat(errorIn("#lookup-result")).isEqualTo("该会员尚未授权本商户查看其会员信息。");

        openTab("/");
        logIn(member.phone, "000000");
        waitForText("#member-id", member.id);
        browser.findElement(By.id("consent-merchant")).sendKeys("merchant-demo");
        click("#consent-grant");
        waitForText("#consent-message", "已授权 merchant-demo 查看你的会员信息。");

        browser.switchTo().window(merchantTab);
        lookUp(member.id);
        waitForText("#lookup-tier", "白银会员");
        assertThat(visibleText("#lookup-points")).startsWith("128（可抵 ¥1.28）");
        assertThat(visibleText("#lookup-coupons")).contains("-¥15.00");
        assertThat(visibleText("#lookup-result dl")).contains("积分 1.0 倍 · 每月 2 张神券");
        assertFitsThePhone();
        Chromium.screenshot(browser, screenshots.resolve("merchant-pos-member.png"));
    }

    @Test
    void aWrongMerchantSecretIsSaidInWords() {
        openTab("/merchant");
        browser.findElement(By.id("client-id")).sendKeys("merchant-demo");
        browser.findElement(By.id("client-secret")).sendKeys("not-the-secret");
        click("#signin");
        assertThat(errorIn("#signin-message")).isEqualTo("商户编号或密钥错误。");
    }

    // ---- the pages

    private String openTab(String path) {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(platform.gatewayUrl() + path);
        return browser.getWindowHandle();
    }

    private void logIn(String phone, String otp) {
        waitVisible("#phone").sendKeys(phone);
        click("#send-otp");
        waitForText("#login-message", "验证码已发送至");
        browser.findElement(By.id("otp")).sendKeys(otp);
        click("#login");
    }

    private void merchantSignIn() {
        waitVisible("#client-id").sendKeys("merchant-demo");
        browser.findElement(By.id("client-secret")).sendKeys(SECRET);
        click("#signin");
        waitVisible("#redeem-form");
    }

    private void redeem(String code, String amountYuan) {
        WebElement input = waitVisible("#coupon-code");
        input.clear();
        input.sendKeys(code);
        WebElement amount = browser.findElement(By.id("redeem-amount"));
        amount.clear();
        amount.sendKeys(amountYuan);
        clearResult("#redeem-result");
        click("#redeem-submit");
    }

    private void lookUp(String memberId) {
        WebElement input = waitVisible("#member-id");
        input.clear();
        input.sendKeys(memberId);
        clearResult("#lookup-result");
        click("#lookup-submit");
    }

    private void clearResult(String css) {
        browser.executeScript("document.querySelector(arguments[0]).replaceChildren()", css);
    }

    /** The plain message an error shows: a sentence, never the problem+json body or its code. */
    private String errorIn(String css) {
        WebElement error = new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(css + ".notice.error, " + css + " .notice.error")));
        assertThat(error.getText()).doesNotContain("{", "\"", "_", "problem", "http");
        return error.getText();
    }

    private WebElement coupon(String couponId) {
        return browser.findElement(By.cssSelector("#wallet-list [data-coupon-id='" + couponId + "']"));
    }

    private void waitForCoupons(int count) {
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#wallet-list [data-coupon-id]"), count));
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

    /** A phone screen: the page is exactly as wide as the 375 px viewport, so nothing scrolls sideways. */
    private void assertFitsThePhone() {
        assertThat(((Number) browser.executeScript("return window.innerWidth")).intValue())
                .isEqualTo(Chromium.PHONE_WIDTH);
        assertThat(((Number) browser.executeScript("return document.scrollingElement.scrollWidth")).intValue())
                .as("page width on a %d px screen", Chromium.PHONE_WIDTH)
                .isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
    }

    private static String decodeQr(byte[] png) throws IOException, Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("the coupon's QR code cannot be read", e);
        }
    }

    @Test
    void aMemberClaimsA神券AndExchangesPointsForOneAtTheCouponCenter() {
        String admin = api.clientToken("admin", SECRET);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String free = write(
                        "/api/v1/admin/coupon-templates", admin, centerTemplate("领券中心立减8元 " + suffix, 800, null), 201)
                .text("templateId");
        String forPoints = write(
                        "/api/v1/admin/coupon-templates", admin, centerTemplate("积分兑换12元券 " + suffix, 1200, 100L), 201)
                .text("templateId");
        Member member = silverMemberWithACoupon(); // 128 points

        openTab("/");
        logIn(member.phone, "000000");
        waitForText("#points-available", "128");
        WebElement offer = waitVisible("#center-list [data-template-id='" + free + "'][data-claimable='true']");
        assertThat(offer.getText()).contains("¥8", "剩余");
        assertFitsThePhone();
        Chromium.screenshot(browser, screenshots.resolve("member-coupon-center.png"));

        click("#center-list [data-template-id='" + free + "'] .claim");
        waitForText("#center-message", "已领取「领券中心立减8元 " + suffix + "」");
        waitVisible("#center-list [data-template-id='" + free + "'][data-claimable='false']");
        assertThat(visibleText("#center-list [data-template-id='" + free + "'] .center-status"))
                .isEqualTo("已领取");

        click("#center-list [data-template-id='" + forPoints + "'] .exchange");
        waitForText("#center-message", "100 积分");
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.textToBe(By.cssSelector("#points-available"), "28"));
        waitForCoupons(3); // the reward, the claimed and the exchanged 神券 in the wallet
        assertThat(api.get("/api/v1/coupons/me?status=AVAILABLE", member.token)
                        .body()
                        .path("items")
                        .toString())
                .contains(free, forPoints);

        // too few points left for another: said in words, nothing spent
        click("#center-list [data-template-id='" + forPoints + "'] .exchange");
        assertThat(errorIn("#center-message")).isIn("积分不足，无法兑换。", "这张神券您已领满。");
        assertThat(visibleText("#points-available")).isEqualTo("28");
        assertFitsThePhone();
    }

    /** A PLATFORM-funded template shown in the coupon center: claimable, or only for points when priced. */
    private static Map<String, Object> centerTemplate(String name, long discountFen, Long pointsPrice) {
        Map<String, Object> t = new java.util.HashMap<>(Map.of(
                "name",
                name,
                "kind",
                "FIXED",
                "discountFen",
                discountFen,
                "minSpendFen",
                0,
                "scenes",
                List.of("ALL"),
                "fundingBu",
                "PLATFORM",
                "validDays",
                30,
                "totalQuantity",
                1000,
                "perMemberLimit",
                pointsPrice == null ? 1 : 2,
                "budgetFen",
                discountFen * 1000));
        if (pointsPrice != null) {
            t.put("pointsPrice", pointsPrice);
            t.put("claimable", false);
        }
        return t;
    }

    // ---- data, through the public API as the BUs would make it

    record Member(String phone, String id, String token) {}

    /** Registered without asking for a code (the demo code needs none), so the page may ask for one at once. */
    private static Member newMember() {
        String phone = newPhone();
        Api.Reply login = write("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000"), 200);
        return new Member(phone, login.text("member_id"), login.text("access_token"));
    }

    private static String newPhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A first DINE_IN order: SILVER, 128 points and the ¥15 神券 reward (usable in ALL scenes). */
    private static Member silverMemberWithACoupon() {
        Member member = newMember();
        order(api.clientToken("bu-dine_in", SECRET), member, 12_800);
        eventually(
                () -> api.get("/api/v1/members/me/entitlements", member.token).body(),
                v -> "SILVER".equals(v.path("tier").path("code").asString())
                        && v.path("coupons").size() == 1
                        && v.path("points").path("available").asLong() == 128);
        return member;
    }

    /**
     * Then a banquet lifts them to GOLD, a hotel grants a hotel-only 神券 and the cinema one of its own. The test
     * redeems the cinema's at the cinema's merchant: a benefit used where it was funded posts nothing to settlement
     * (decision 0010), so the journey test's settlement figures on the same platform stay its own.
     */
    private static Member goldMemberWithCoupons() {
        Member member = silverMemberWithACoupon();
        order(api.clientToken("bu-dine_in", SECRET), member, 200_000);
        eventually(() -> api.get("/api/v1/tiers/me", member.token).body(), t -> "GOLD"
                .equals(t.path("tier").asString()));
        grant(member, "HOTEL", "酒店满200减30", 3000, 20_000);
        grant(member, "ENTERTAINMENT", "影院20元神券", 2000, 0);
        eventually(
                () -> api.get("/api/v1/coupons/me?status=AVAILABLE", member.token)
                        .body(),
                w -> w.path("items").size() == 3);
        return member;
    }

    /** A 神券 that a BU funds, usable only in its own scene, granted by that BU. */
    private static void grant(Member member, String bu, String name, long discountFen, long minSpendFen) {
        String token = api.clientToken("bu-" + bu.toLowerCase(java.util.Locale.ROOT), SECRET);
        Map<String, Object> template = Map.of(
                "name",
                name,
                "kind",
                "FIXED",
                "discountFen",
                discountFen,
                "minSpendFen",
                minSpendFen,
                "scenes",
                List.of(bu),
                "fundingBu",
                bu,
                "validDays",
                30,
                "totalQuantity",
                100,
                "perMemberLimit",
                1,
                "budgetFen",
                discountFen * 100);
        String templateId =
                write("/api/v1/admin/coupon-templates", token, template, 201).text("templateId");
        Map<String, Object> grant =
                Map.of("grantId", "g-" + UUID.randomUUID(), "templateId", templateId, "memberId", member.id);
        write("/api/v1/bu/coupons/grants", token, grant, 201);
    }

    private static JsonNode couponWithScenes(Member member, String scene) {
        for (JsonNode c : api.get("/api/v1/coupons/me?status=AVAILABLE", member.token)
                .body()
                .path("items")) {
            if (c.path("scenes").toString().contains(scene)) {
                return c;
            }
        }
        throw new AssertionError("no coupon for " + scene);
    }

    private static void order(String buToken, Member member, long amountFen) {
        Map<String, Object> order = Map.of(
                "orderId",
                "o-" + UUID.randomUUID(),
                "memberId",
                member.id,
                "amountFen",
                amountFen,
                "occurredAt",
                Instant.now().toString());
        Api.Reply reply = api.postForNewMember("/api/v1/bu/orders", buToken, order);
        if (reply.status() != 201) {
            write("/api/v1/bu/orders", buToken, order, 201); // a busy gateway's 502–504: sent again
        }
    }

    /**
     * A write that a busy machine may time out at the gateway (504) or refuse while a breaker is open (503): sent
     * again with the same body, which carries its idempotency key, so it takes effect once.
     */
    private static Api.Reply write(String path, String token, Map<String, Object> body, int expected) {
        Api.Reply reply = api.post(path, token, body);
        for (int retry = 0; retry < 5 && reply.status() >= 502 && reply.status() <= 504; retry++) {
            Pause.of(Duration.ofSeconds(2)); // a client's back-off before it sends again
            reply = api.post(path, token, body);
        }
        assertThat(reply.status()).as(path + " " + reply.raw()).isEqualTo(expected);
        return reply;
    }

    private static void eventually(
            java.util.function.Supplier<JsonNode> probe, java.util.function.Predicate<JsonNode> done) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(probe::get, done::test);
    }
}
