package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.testsupport.TestInfrastructure;
import io.unimember.testsupport.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of points-service, coupon-service and tier-service at once (the second of each started here, in
 * the same Kafka consumer groups and databases), and a second gateway in front of them that reaches each service
 * through a {@link ServiceProxy}, as a gateway reaches a Kubernetes Service. Shows that the gateway's requests land
 * on both instances; that orders streaming through {@code bu.orders.v1} while one points instance is stopped (then
 * started again, and later killed) are each applied exactly once as the partitions move; and that the scheduled jobs
 * (points expiry, monthly coupon allotment, tier downgrade) running on both instances at once do each member's work
 * once. Bounded in count and time, loopback only; each test prints a {@code SCALEOUT} line (also appended to
 * {@code target/scaleout.md}) for docs/scaling.md.
 *
 * <p>It starts four more JVMs and restarts one, several minutes on the 2-core box, so it runs when asked:
 * {@code ./platform test -pl e2e -am -Dunimember.scaleout=true}.
 */
@EnabledIfSystemProperty(named = "unimember.scaleout", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

    static final String POINTS = "points-service";
    static final String POINTS_2 = "points-service-2";
    static final String COUPON_2 = "coupon-service-2";
    static final String TIER_2 = "tier-service-2";
    static final String GATEWAY_2 = "gateway-2";
    /** ¥10 an order: 10 points at the seeded rate of 1 point per ¥1 (multiplier 1.0 below GOLD). */
    static final long STREAM_AMOUNT_FEN = 1_000;
    /** ¥2,000: 2,000 growth, enough for GOLD in one order. */
    static final long GOLD_AMOUNT_FEN = 200_000;

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUN = "so" + UUID.randomUUID().toString().substring(0, 6);
    static PlatformUnderTest platform;
    static ServiceProxy pointsService;
    static ServiceProxy couponService;
    static Api gateway;
    static String admin;
    static String hotel;
    /** Members made GOLD through the second gateway; the jobs test works on them. */
    static final List<Member> goldMembers = new ArrayList<>();
    /** Members of the first order stream; their lots expire in the jobs test too. */
    static final List<String> streamMembers = new ArrayList<>();
    /** Requests a client sent again after a 502-504 from the gateway. */
    static final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();

    record Member(String id, String token) {}

    @BeforeAll
    static void startSecondInstances() {
        platform = PlatformUnderTest.shared();
        long began = System.nanoTime();
        platform.startInstance(POINTS_2, POINTS, Map.of());
        platform.startInstance(COUPON_2, "coupon-service", Map.of());
        platform.startInstance(TIER_2, "tier-service", Map.of());
        pointsService = new ServiceProxy(List.of(platform.port(POINTS), platform.port(POINTS_2)));
        couponService = new ServiceProxy(List.of(platform.port("coupon-service"), platform.port(COUPON_2)));
        platform.startInstance(
                GATEWAY_2,
                "gateway",
                Map.of(
                        "unimember.services.points", pointsService.url(),
                        "unimember.services.coupon", couponService.url()));
        for (String instance : List.of(POINTS_2, COUPON_2, TIER_2, GATEWAY_2)) {
            platform.awaitHealthy(instance);
        }
        report(String.format(
                "Second instances of points, coupon and tier services and a second gateway started and ready in %.0f s",
                seconds(began)));
        gateway = new Api(platform.url(GATEWAY_2));
        admin = gateway.clientToken("admin", "demo-secret");
        hotel = gateway.clientToken("bu-hotel", "demo-secret");
    }

    @AfterAll
    static void stopSecondInstances() {
        if (platform == null) {
            return;
        }
        for (String instance : List.of(GATEWAY_2, POINTS_2, COUPON_2, TIER_2)) {
            platform.stop(instance);
        }
        for (ServiceProxy proxy : new ServiceProxy[] {pointsService, couponService}) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    @Order(1)
    void theGatewaySpreadsRequestsOverBothInstancesOfAService() throws Exception {
        goldMembers.addAll(members(40));
        Map<String, Double> ordersBefore = scrape(List.of(POINTS, POINTS_2), "unimember_orders_total", "bu=\"HOTEL\"");
        Map<String, Double> claimsBefore =
                scrape(List.of("coupon-service", COUPON_2), "unimember_coupon_claims_total", "outcome=\"issued\"");
        String template = createTemplate();

        concurrently(goldMembers, 8, m -> {
            Map<String, Object> body = Map.of(
                    "orderId",
                    RUN + "-gold-" + m.id(),
                    "memberId",
                    m.id(),
                    "amountFen",
                    GOLD_AMOUNT_FEN,
                    "occurredAt",
                    java.time.Instant.now().toString());
            Api.Reply order = untilAnswered(() -> gateway.postForNewMember("/api/v1/bu/orders", hotel, body));
            assertThat(order.status()).as(order.raw()).isEqualTo(201);
            String key = UUID.randomUUID().toString();
            Api.Reply claim = untilAnswered(() ->
                    gateway.postWithKey("/api/v1/coupons/claims", m.token(), key, Map.of("templateId", template)));
            assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
        });

        Map<String, Double> orders =
                delta(ordersBefore, scrape(List.of(POINTS, POINTS_2), "unimember_orders_total", "bu=\"HOTEL\""));
        Map<String, Double> claims = delta(
                claimsBefore,
                scrape(List.of("coupon-service", COUPON_2), "unimember_coupon_claims_total", "outcome=\"issued\""));
        assertThat(orders.values()).as("orders per points instance").allMatch(n -> n > 0);
        assertThat(orders.values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(goldMembers.size());
        assertThat(claims.values()).as("claims per coupon instance").allMatch(n -> n > 0);
        assertThat(claims.values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(goldMembers.size());
        report("Through the second gateway, " + goldMembers.size() + " orders (8 concurrent) landed " + orders
                + " on the two points instances and " + goldMembers.size() + " coupon claims " + claims
                + " on the two coupon instances (unimember_orders_total / unimember_coupon_claims_total of each; "
                + retries.get() + " requests retried after a 502-504 on the loaded box);"
                + " connections the proxies opened per instance port: points " + pointsService.connections()
                + ", coupon " + couponService.connections());
    }

    @Test
    @Order(2)
    void ordersStreamingWhileAPointsInstanceStopsAndRestartsAreAppliedExactlyOnce() throws Exception {
        String run = RUN + "-s1";
        for (int i = 0; i < 80; i++) {
            streamMembers.add(run + "-m" + i);
        }
        awaitOwners(Set.of(POINTS, POINTS_2));
        Map<String, Set<Integer>> before = owners();
        long began = System.nanoTime();
        var restartedAt = new java.util.concurrent.atomic.AtomicInteger(-1);
        Map<String, Set<Integer>> whileStopped;
        Map<String, Set<Integer>> afterRestart;
        double stopSeconds;
        double restartSeconds;
        int produced;
        try (OrderStream stream = new OrderStream(
                platform.kafka().bootstrapServers(),
                run,
                "RETAIL",
                streamMembers,
                STREAM_AMOUNT_FEN,
                40,
                4_000,
                n -> n < 1_600 || restartedAt.get() < 0 || n < restartedAt.get() + 200)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> stream.produced() >= 400);
            long stopping = System.nanoTime();
            platform.stop(POINTS_2);
            awaitOwners(Set.of(POINTS));
            stopSeconds = seconds(stopping);
            whileStopped = owners();
            long restarting = System.nanoTime();
            platform.start(POINTS_2);
            platform.awaitHealthy(POINTS_2);
            awaitOwners(Set.of(POINTS, POINTS_2));
            restartSeconds = seconds(restarting);
            afterRestart = owners();
            restartedAt.set(stream.produced());
            produced = stream.awaitEnd(Duration.ofMinutes(2));
        }
        double streamSeconds = seconds(began);
        String checked = assertAppliedExactlyOnce(run, produced, streamMembers);
        report(String.format(
                "%d orders on bu.orders.v1 (40/s, %d members) while %s was stopped gracefully at order ~400 and"
                        + " started again: bu.orders.v1 partitions by instance %s before, %s %.1f s after the stop,"
                        + " %s %.0f s after the restart began (at order %d); stream %.0f s. Checked: %s",
                produced,
                streamMembers.size(),
                POINTS_2,
                before,
                whileStopped,
                stopSeconds,
                afterRestart,
                restartSeconds,
                restartedAt.get(),
                streamSeconds,
                checked));
    }

    @Test
    @Order(3)
    void pointsExpiryRunsOnBothInstancesAndExpiresEachMembersLotsOnce() throws Exception {
        List<String> members = new ArrayList<>(streamMembers);
        goldMembers.forEach(m -> members.add(m.id()));
        // no order of these members still on its way: its new lot would not be due
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> GroupOwners.lag(platform.kafka().bootstrapServers(), POINTS, "bu.orders.v1") == 0);
        Map<String, Long> offsets = logOffsets(List.of(POINTS, POINTS_2));
        long expected;
        try (Connection db = connect("points")) {
            expected =
                    count(db, "SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id IN " + in(members));
            assertThat(expected).isPositive();
            // the lots' twelve months pass at once
            update(
                    db,
                    "UPDATE points_lot SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE member_id IN "
                            + in(members) + " AND remaining > 0");
        }
        long began = System.nanoTime();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try (Connection db = connect("points")) {
                        return count(
                                        db,
                                        "SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id IN "
                                                + in(members))
                                == 0;
                    }
                });
        double took = seconds(began);
        try (Connection db = connect("points")) {
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM ledger_transfer WHERE kind = 'EXPIRE' AND member_id IN "
                                    + in(members)))
                    .as("one expiry transfer per member")
                    .isEqualTo(members.size());
            assertThat(count(
                            db,
                            "SELECT COALESCE(SUM(points), 0) FROM ledger_transfer WHERE kind = 'EXPIRE'"
                                    + " AND member_id IN " + in(members)))
                    .isEqualTo(expected);
            assertThat(count(
                            db,
                            "SELECT COALESCE(SUM(available), 0) FROM member_balance WHERE member_id IN " + in(members)))
                    .isZero();
        }
        Map<String, Long> expiredEvents = perMember(
                readTopic("points.events.v1", v -> v.contains("\"points.expired\"")), "points.expired", members);
        assertThat(expiredEvents).hasSize(members.size()).allSatisfy((m, n) -> assertThat(n)
                .isEqualTo(1));
        Map<String, Long> byInstance =
                sumLogged(offsets, Pattern.compile("expired (\\d+) points of (\\d+) members"), 2);
        assertThat(byInstance.values().stream().mapToLong(Long::longValue).sum())
                .as("members expired, added up over both instances' runs")
                .isEqualTo(members.size());
        assertLedgerBalanced();
        report(String.format(
                "Points expiry (every 2 s on both points instances): %d members' lots (%d points) made due at once,"
                        + " all expired in %.1f s; members expired per instance (from their logs) %s; one EXPIRE transfer"
                        + " and one points.expired event per member; ledger audit balanced",
                members.size(), expected, took, byInstance));
    }

    @Test
    @Order(4)
    void theMonthlyAllotmentRunOnBothCouponInstancesAtOnceAllotsEachMemberOnce() throws Exception {
        List<String> members = goldMembers.stream().map(Member::id).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection db = connect("coupon")) {
                return count(db, "SELECT COUNT(*) FROM member_tier WHERE tier = 'GOLD' AND member_id IN " + in(members))
                        == members.size();
            }
        });
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        List<Future<Api.Reply>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String instance : List.of("coupon-service", COUPON_2)) {
                runs.add(pool.submit(() -> allot(instance, month)));
            }
        }
        Map<String, Long> allotted = new TreeMap<>();
        long issued = 0;
        for (int i = 0; i < runs.size(); i++) {
            Api.Reply run = runs.get(i).get();
            assertThat(run.status()).as(run.raw()).isEqualTo(200);
            assertThat(run.number("membersFailed")).isZero();
            allotted.put(i == 0 ? "coupon-service" : COUPON_2, run.number("membersAllotted"));
            issued += run.number("couponsIssued");
        }
        try (Connection db = connect("coupon")) {
            long rows = count(db, "SELECT COUNT(*) FROM tier_allotment WHERE month = '" + month + "'");
            assertThat(allotted.values().stream().mapToLong(Long::longValue).sum())
                    .as("members allotted by the two runs together")
                    .isEqualTo(rows);
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM coupon WHERE channel = 'ALLOTMENT' AND source_ref LIKE"
                                    + " 'allotment:" + month + ":%'"))
                    .as("coupons of the month's allotment")
                    .isEqualTo(issued);
            for (String member : members) {
                long due = count(db, "SELECT monthly_coupons FROM member_tier WHERE member_id = '" + member + "'");
                assertThat(count(
                                db,
                                "SELECT COUNT(*) FROM tier_allotment WHERE month = '" + month + "' AND member_id = '"
                                        + member + "' AND issued = " + due))
                        .as("%s allotted once, with its tier's %d coupons", member, due)
                        .isEqualTo(1);
                assertThat(count(
                                db,
                                "SELECT COUNT(*) FROM coupon WHERE member_id = '" + member
                                        + "' AND source_ref LIKE 'allotment:" + month + ":%'"))
                        .isEqualTo(due);
            }
        }
        report("Monthly allotment for " + month + " started on both coupon instances at the same moment: members"
                + " allotted per instance " + allotted + " (" + issued + " coupons); each of the " + members.size()
                + " GOLD members allotted exactly once with their tier's count");
    }

    @Test
    @Order(5)
    void theTierDowngradeRunOnBothTierInstancesAtOnceDowngradesEachMemberOnce() throws Exception {
        List<String> members = goldMembers.stream().map(Member::id).toList();
        Map<String, Long> offsets = logOffsets(List.of("tier-service", TIER_2));
        try (Connection db = connect("tier")) {
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM member_tier WHERE tier_code = 'GOLD' AND member_id IN "
                                    + in(members)))
                    .isEqualTo(members.size());
            // a year passes for these members: retention over, the growth out of the 365-day window
            update(
                    db,
                    "UPDATE member_tier SET retained_until = UTC_TIMESTAMP(6) - INTERVAL 1 DAY WHERE member_id IN "
                            + in(members));
            update(
                    db,
                    "UPDATE growth_entry SET business_date = business_date - INTERVAL 400 DAY,"
                            + " occurred_at = occurred_at - INTERVAL 400 DAY WHERE member_id IN " + in(members));
            // the month's evaluation is over (both instances ran it when they started): let it run again, on the
            // next even second, when both instances' schedules fire together
            update(db, "DELETE FROM job_run WHERE job = 'tier-downgrade'");
        }
        long began = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection db = connect("tier")) {
                return count(
                                db,
                                "SELECT COUNT(*) FROM member_tier WHERE tier_code = 'SILVER' AND member_id IN "
                                        + in(members))
                        == members.size();
            }
        });
        double took = seconds(began);
        // each instance logs when its run is done, after the work and job_run's finish: once both have, the month is
        // finished and later ticks skip it (a positive sign, instead of sleeping for a second run not to happen)
        Pattern evaluated = Pattern.compile("downgrade evaluation for \\S+: (\\d+) members went down a tier");
        Map<String, Long> byInstance = await().atMost(Duration.ofSeconds(60))
                .until(() -> sumLogged(offsets, evaluated, 1), logged -> logged.size() == 2);
        try (Connection db = connect("tier")) {
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM tier_history WHERE reason = 'DOWNGRADE' AND member_id IN "
                                    + in(members)))
                    .as("one downgrade per member")
                    .isEqualTo(members.size());
        }
        Map<String, Long> events = perMember(
                readTopic("tier.events.v1", v -> v.contains("\"tier.changed\"") && v.contains("DOWNGRADE")),
                "tier.changed",
                members);
        assertThat(events).hasSize(members.size()).allSatisfy((m, n) -> assertThat(n)
                .isEqualTo(1));
        assertThat(byInstance).as("both tier instances ran the evaluation").hasSize(2);
        assertThat(byInstance.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(members.size());
        report(String.format(
                "Tier downgrade (both tier instances' schedules fire on the same second): %d GOLD members past"
                        + " retention with no growth left went down one tier in %.1f s; members downgraded per instance"
                        + " (from their logs) %s; one DOWNGRADE history row and one tier.changed event per member",
                members.size(), took, byInstance));
    }

    @Test
    @Order(6)
    void ordersStreamingWhileAPointsInstanceIsKilledAreAppliedExactlyOnce() throws Exception {
        String run = RUN + "-s2";
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(run + "-m" + i);
        }
        awaitOwners(Set.of(POINTS, POINTS_2));
        long began = System.nanoTime();
        double moved;
        int produced;
        int killedAt;
        try (OrderStream stream = new OrderStream(
                platform.kafka().bootstrapServers(), run, "RETAIL", members, STREAM_AMOUNT_FEN, 40, 1_200, n -> true)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> stream.produced() >= 300);
            killedAt = stream.produced();
            long killing = System.nanoTime();
            platform.kill(POINTS_2);
            awaitOwners(Set.of(POINTS));
            moved = seconds(killing);
            produced = stream.awaitEnd(Duration.ofMinutes(2));
        }
        String checked = assertAppliedExactlyOnce(run, produced, members);
        report(String.format(
                "%d orders on bu.orders.v1 (40/s, %d members); %s killed with SIGKILL at order %d: its partitions"
                        + " moved to %s after %.1f s (Kafka's default session timeout is 45 s), stream %.0f s. Checked: %s",
                produced, members.size(), POINTS_2, killedAt, POINTS, moved, seconds(began), checked));
    }

    /** Every order of the run is in the ledger once with its points, its events out once, the ledger balanced. */
    private static String assertAppliedExactlyOnce(String run, int produced, List<String> members) throws Exception {
        long points = STREAM_AMOUNT_FEN / 100; // 1 point per ¥1
        long began = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (Connection db = connect("points")) {
                        return count(db, "SELECT COUNT(*) FROM bu_order WHERE order_id LIKE '" + run + "-%'")
                                == produced;
                    }
                });
        double drained = seconds(began);
        try (Connection db = connect("points")) {
            String earned = " FROM ledger_transfer WHERE kind = 'EARN' AND reference LIKE '" + run + "-%'";
            assertThat(count(db, "SELECT COUNT(*)" + earned))
                    .as("earning transfers")
                    .isEqualTo(produced);
            assertThat(count(db, "SELECT COUNT(DISTINCT reference)" + earned)).isEqualTo(produced);
            assertThat(count(db, "SELECT COALESCE(SUM(points), 0)" + earned)).isEqualTo(produced * points);
            assertThat(count(
                            db,
                            "SELECT COALESCE(SUM(available), 0) FROM member_balance WHERE member_id IN " + in(members)))
                    .isEqualTo(produced * points);
        }
        assertLedgerBalanced();
        List<String> completed =
                readTopic("order.events.v1", v -> v.contains("\"order.completed\"") && v.contains(run));
        Set<String> distinct = new HashSet<>();
        Set<String> orders = new HashSet<>();
        for (String value : completed) {
            JsonNode event = JSON.readTree(value);
            distinct.add(event.path("eventId").asString());
            orders.add(event.path("data").path("orderId").asString());
        }
        assertThat(orders).as("an order.completed for every order").hasSize(produced);
        assertThat(distinct).as("one event per order").hasSize(produced);
        return String.format(
                "all applied %.1f s after the last was produced; %d EARN transfers for %d orders, %d points (%d each),"
                        + " member balances add up; ledger audit balanced; order.completed: %d distinct events for %d"
                        + " orders (%d records on the topic)",
                drained,
                produced,
                produced,
                produced * points,
                points,
                distinct.size(),
                orders.size(),
                completed.size());
    }

    /**
     * A client's retry of an idempotent write (same order id, same Idempotency-Key) while the gateway answers 502-504:
     * on a box this busy a service can take longer than the gateway's 3 s response timeout.
     */
    private static Api.Reply untilAnswered(java.util.function.Supplier<Api.Reply> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Api.Reply reply = call.get();
        while (reply.status() >= 502 && reply.status() <= 504 && System.nanoTime() < deadline) {
            retries.incrementAndGet();
            Pause.of(Duration.ofMillis(500));
            reply = call.get();
        }
        return reply;
    }

    private static void awaitOwners(Set<String> instances) {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Map<String, Set<Integer>> owners = owners();
                    return owners.keySet().equals(instances)
                            && owners.values().stream().mapToInt(Set::size).sum() == 3;
                });
    }

    private static Map<String, Set<Integer>> owners() {
        return GroupOwners.of(platform.kafka().bootstrapServers(), POINTS, "bu.orders.v1");
    }

    /** Runs the month's allotment on one instance; it walks every member, so it may take longer than Api waits. */
    private static Api.Reply allot(String instance, String month) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        platform.url(instance) + "/api/v1/admin/coupon-allotments/" + month))
                                .timeout(Duration.ofMinutes(3))
                                .header("Authorization", "Bearer " + admin)
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
    }

    private static void assertLedgerBalanced() {
        Api.Reply audit = new Api(platform.url(POINTS)).get("/api/v1/admin/points/ledger/audit", admin);
        assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
        assertThat(audit.body().path("balanced").asBoolean()).as(audit.raw()).isTrue();
    }

    /** One sample per instance of {@code metric} with a label matching {@code label} (0 if absent). */
    private static Map<String, Double> scrape(List<String> instances, String metric, String label) {
        Map<String, Double> values = new TreeMap<>();
        Pattern sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$");
        for (String instance : instances) {
            String body = new Api(platform.url(instance))
                    .get("/actuator/prometheus", null)
                    .raw();
            double value = 0;
            Matcher m = sample.matcher(body);
            while (m.find()) {
                if (m.group(1).contains(label)) {
                    value += Double.parseDouble(m.group(2));
                }
            }
            values.put(instance, value);
        }
        return values;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((instance, value) -> delta.put(instance, value - before.getOrDefault(instance, 0.0)));
        return delta;
    }

    private static Map<String, Long> logOffsets(List<String> instances) throws IOException {
        Map<String, Long> offsets = new TreeMap<>();
        for (String instance : instances) {
            offsets.put(instance, Files.size(platform.log(instance)));
        }
        return offsets;
    }

    /** Per instance, the sum of a number its log printed since the offsets (group {@code group} of the pattern). */
    private static Map<String, Long> sumLogged(Map<String, Long> offsets, Pattern line, int group) throws IOException {
        Map<String, Long> sums = new TreeMap<>();
        for (var entry : offsets.entrySet()) {
            byte[] all = Files.readAllBytes(platform.log(entry.getKey()));
            String since = new String(
                    all,
                    entry.getValue().intValue(),
                    all.length - entry.getValue().intValue(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = line.matcher(since);
            while (m.find()) {
                sums.merge(entry.getKey(), Long.parseLong(m.group(group)), Long::sum);
            }
        }
        return sums;
    }

    /** How many events of {@code type} each of {@code members} has among {@code values} (distinct event ids). */
    private static Map<String, Long> perMember(List<String> values, String type, List<String> members) {
        Set<String> wanted = Set.copyOf(members);
        Map<String, Set<String>> ids = new HashMap<>();
        for (String value : values) {
            JsonNode event = JSON.readTree(value);
            String member = event.path("memberId").asString();
            if (type.equals(event.path("type").asString()) && wanted.contains(member)) {
                ids.computeIfAbsent(member, m -> new HashSet<>())
                        .add(event.path("eventId").asString());
            }
        }
        return ids.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e ->
                (long) e.getValue().size()));
    }

    private static List<String> readTopic(String topic, java.util.function.Predicate<String> match) {
        return TestKafka.valuesUpToNow(platform.kafka().bootstrapServers(), topic, match);
    }

    private static String createTemplate() {
        Api.Reply created = gateway.post(
                "/api/v1/admin/coupon-templates",
                admin,
                Map.of(
                        "name", "扩容券 " + RUN,
                        "kind", "FIXED",
                        "discountFen", 500,
                        "minSpendFen", 0,
                        "scenes", List.of("ALL"),
                        "fundingBu", "PLATFORM",
                        "validDays", 7,
                        "totalQuantity", 1_000,
                        "perMemberLimit", 1,
                        "budgetFen", 500_000));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("templateId");
    }

    private static List<Member> members(int count) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = "137" + String.format("%08d", Math.floorMod((RUN + "-" + i).hashCode(), 100_000_000));
            gateway.post("/api/v1/auth/otp", null, Map.of("phone", phone));
            Api.Reply login = gateway.post("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000"));
            assertThat(login.status()).as(login.raw()).isEqualTo(200);
            members.add(new Member(login.text("member_id"), login.text("access_token")));
        }
        return members;
    }

    private static void concurrently(List<Member> members, int concurrency, java.util.function.Consumer<Member> work)
            throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Member m : members) {
                slots.acquire();
                done.add(pool.submit(() -> {
                    try {
                        work.accept(m);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    private static String in(List<String> ids) {
        return ids.stream().map(id -> "'" + id.replace("'", "") + "'").collect(Collectors.joining(",", "(", ")"));
    }

    private static Connection connect(String schema) throws SQLException {
        var infra = TestInfrastructure.get();
        return DriverManager.getConnection(platform.directJdbcUrl(schema), infra.dbUser(), infra.dbPassword());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement();
                var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void report(String line) {
        System.out.println("SCALEOUT - " + line);
        try {
            Files.writeString(
                    Path.of("target/scaleout.md"),
                    "- " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot append to target/scaleout.md: " + e.getMessage());
        }
    }
}
