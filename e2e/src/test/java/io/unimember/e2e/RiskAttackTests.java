package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scripted attack on the new-member coupon (design §14), through the gateway with the rules a platform starts
 * with: 500 registrations from 20 devices and 2 IP ranges, each then claiming, beside 200 ordinary members on their
 * own devices and networks at a person's pace. The script must get almost nothing, the people everything, and the
 * coupon's stock and limits must stay exact. Bounded: 700 sign-ins and claims on loopback, a few minutes at most.
 */
class RiskAttackTests {

    private static final int SCRIPTED = 500;
    private static final int DEVICES = 20;
    private static final int ORDINARY = 200;
    private static final List<String> FARM_RANGES = List.of("203.0.113.", "198.51.100.");

    static PlatformUnderTest platform;
    static Api api;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
        api = new Api(platform.gatewayUrl());
    }

    /** What one sign-up came to: its sign-in's status, and its claim's (0 when it had no token to claim with). */
    record Attempt(int signIn, int claim) {

        boolean gotTheCoupon() {
            return claim == 201;
        }

        boolean deniedOrParked() {
            return signIn == 403 || signIn == 202 || claim == 403 || claim == 202;
        }
    }

    @Test
    void aScriptedFarmGetsAlmostNothingAndOrdinaryMembersEverything() throws Exception {
        String admin = api.clientToken("admin", "demo-secret");
        String template = newMemberCoupon(admin);
        String run = Long.toString(System.nanoTime() % 100_000_000L);

        List<Attempt> scripted = new ArrayList<>();
        ExecutorService script = Executors.newFixedThreadPool(8);
        try {
            List<Future<Attempt>> running = new ArrayList<>();
            for (int i = 0; i < SCRIPTED; i++) {
                String phone = "170" + String.format("%08d", (Long.parseLong(run) * 1000 + i) % 100_000_000L);
                String device = "farm-" + run + "-" + (i % DEVICES);
                String ip = FARM_RANGES.get(i % 2) + (1 + i % 250);
                running.add(script.submit(() -> signUpAndClaim(phone, device, ip, template)));
            }
            for (Future<Attempt> attempt : running) {
                scripted.add(attempt.get(2, TimeUnit.MINUTES));
            }
        } finally {
            script.shutdownNow();
        }
        List<Attempt> ordinary = new ArrayList<>();
        for (int i = 0; i < ORDINARY; i++) {
            String phone = "1" + (3 + i % 7)
                    + String.format("%09d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000_000));
            String ip = "100." + (64 + i / 250) + "." + (i % 250) + ".20";
            ordinary.add(signUpAndClaim(phone, "phone-" + UUID.randomUUID(), ip, template));
            Thread.sleep(20); // a person's pace, not a script's
        }

        long stopped = scripted.stream().filter(Attempt::deniedOrParked).count();
        long farmed = scripted.stream().filter(Attempt::gotTheCoupon).count();
        System.out.printf(
                "RiskAttackTests: %d of %d scripted sign-ups denied or parked, %d got the coupon; ordinary: %d of %d%n",
                stopped,
                SCRIPTED,
                farmed,
                ordinary.stream().filter(Attempt::gotTheCoupon).count(),
                ORDINARY);
        assertThat(stopped).as("scripted claims denied or parked").isGreaterThanOrEqualTo(SCRIPTED * 95L / 100);
        assertThat(ordinary).as("ordinary members").allMatch(Attempt::gotTheCoupon);
        assertStockExact(template, farmed + ORDINARY);
        assertThat(decisions("member-service", "registration", "deny")).isPositive();
        assertThat(decisions("member-service", "registration", "review")).isPositive();
        double claims = decisionsWithin("coupon-service", "claim", "+Inf");
        System.out.printf(
                "RiskAttackTests: claim decisions within 1 ms %.1f%%, 2 ms %.1f%%, 5 ms %.1f%% of %.0f%n",
                100 * decisionsWithin("coupon-service", "claim", "0.001") / claims,
                100 * decisionsWithin("coupon-service", "claim", "0.002") / claims,
                100 * decisionsWithin("coupon-service", "claim", "0.005") / claims,
                claims);
        assertThat(decisions("coupon-service", "claim", "allow")).isGreaterThanOrEqualTo(ORDINARY + farmed);
    }

    private static Attempt signUpAndClaim(String phone, String device, String ip, String template) {
        Map<String, String> from = Map.of("X-Device-Id", device, "X-Forwarded-For", ip);
        api.post("/api/v1/auth/otp", null, Map.of("phone", phone), from);
        Api.Reply login = api.post("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000"), from);
        if (login.status() != 200) {
            return new Attempt(login.status(), 0);
        }
        Map<String, String> claiming = new HashMap<>(from);
        claiming.put("Idempotency-Key", UUID.randomUUID().toString());
        Api.Reply claim = api.post(
                "/api/v1/coupons/claims", login.text("access_token"), Map.of("templateId", template), claiming);
        return new Attempt(200, claim.status());
    }

    private static String newMemberCoupon(String admin) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "new-member 神券 " + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "FIXED");
        body.put("discountFen", 1000);
        body.put("minSpendFen", 3000);
        body.put("scenes", List.of("ALL"));
        body.put("fundingBu", "PLATFORM");
        body.put("validDays", 30);
        body.put("totalQuantity", 2000);
        body.put("perMemberLimit", 1);
        body.put("budgetFen", 2_000_000);
        Api.Reply created = api.post("/api/v1/admin/coupon-templates", admin, body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("templateId");
    }

    /** §9 for this coupon: the stock issued is the coupons that exist, no member holds two, none beyond the stock. */
    private static void assertStockExact(String template, long expectedUsable) throws SQLException {
        try (Connection db = connect("coupon")) {
            long issued =
                    count(db, "SELECT COALESCE(SUM(issued), 0) FROM template_stock WHERE template_id = ?", template);
            long coupons = count(
                    db, "SELECT COUNT(*) FROM coupon WHERE template_id = ? AND status NOT IN ('REJECTED')", template);
            long usable =
                    count(db, "SELECT COUNT(*) FROM coupon WHERE template_id = ? AND status = 'AVAILABLE'", template);
            long doubled = count(
                    db,
                    "SELECT COUNT(*) FROM (SELECT member_id FROM coupon WHERE template_id = ? GROUP BY member_id"
                            + " HAVING COUNT(*) > 1) t",
                    template);
            assertThat(issued).as("stock taken = coupons issued").isEqualTo(coupons);
            assertThat(usable).as("usable coupons").isEqualTo(expectedUsable);
            assertThat(doubled).as("members holding two").isZero();
            assertThat(issued).isLessThanOrEqualTo(2000);
        }
    }

    /** The count of {@code unimember.risk.decisions} with this action and outcome on a service's instance. */
    private static double decisions(String service, String action, String outcome) {
        String body =
                new Api(platform.url(service)).get("/actuator/prometheus", null).raw();
        Matcher m = Pattern.compile("(?m)^unimember_risk_decisions_seconds_count\\{([^}]*)\\} (\\S+)$")
                .matcher(body);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("action=\"" + action + "\"")
                    && m.group(1).contains("outcome=\"" + outcome + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    /** How many {@code action} decisions took at most {@code le} seconds (a bucket of the timer), all outcomes. */
    private static double decisionsWithin(String service, String action, String le) {
        String body =
                new Api(platform.url(service)).get("/actuator/prometheus", null).raw();
        Matcher m = Pattern.compile("(?m)^unimember_risk_decisions_seconds_bucket\\{([^}]*)\\} (\\S+)$")
                .matcher(body);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("action=\"" + action + "\"") && m.group(1).contains("le=\"" + le + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static Connection connect(String schema) throws SQLException {
        var infra = TestInfrastructure.get();
        return DriverManager.getConnection(platform.directJdbcUrl(schema), infra.dbUser(), infra.dbPassword());
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
