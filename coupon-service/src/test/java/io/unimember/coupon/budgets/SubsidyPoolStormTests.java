package io.unimember.coupon.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pool under a 300-way storm from three campaigns funded by one BU, each through another channel: members
 * claiming one campaign's coupon, the BU granting another's, and order events over Kafka firing the third (applied by
 * the service's one order-events consumer, in its batches, while the HTTP storm runs). The pool funds a
 * third of them: it ends spent exactly, never past, with every coupon issued paid for by it and no 5xx.
 */
@IntegrationTest
class SubsidyPoolStormTests {

    /** No other test funds coupons by HEALTH. */
    private static final String BU = "HEALTH";

    private static final int PER_CAMPAIGN = 100;
    private static final long FACE = 1_000;
    private static final long LIMIT = 100 * FACE + 500;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @AfterEach
    void dropPool() {
        jdbc.sql("DELETE FROM subsidy_pool WHERE bu = ?").param(BU).update();
    }

    @Test
    void threeHundredConcurrentIssuesAcrossThreeCampaignsEndAtThePoolExactly() throws Exception {
        Api api = new Api(port, json);
        String claimed = template(api, true);
        String granted = template(api, false);
        String rewarded = template(api, false);
        String category = "storm-" + UUID.randomUUID();
        String campaign = orderCampaign(api, rewarded, category);
        String month = SubsidyPools.monthOf(Instant.now());
        String path = "/api/v1/admin/budgets/" + BU + "/" + month;
        assertThat(api.put(path, TestTokens.admin(), Map.of("limitFen", LIMIT)).status())
                .isEqualTo(200);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(3 * PER_CAMPAIGN)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < PER_CAMPAIGN; i++) {
                String member = Api.member();
                done.add(threads.submit(() -> {
                    start.await();
                    count(statuses, api.claim(member, claimed).status());
                    return null;
                }));
                String grantee = Api.member();
                done.add(threads.submit(() -> {
                    start.await();
                    count(
                            statuses,
                            api.post(
                                            "/api/v1/bu/coupons/grants",
                                            TestTokens.bu(BU),
                                            Map.of(
                                                    "grantId",
                                                    "g-" + grantee,
                                                    "templateId",
                                                    granted,
                                                    "memberId",
                                                    grantee))
                                    .status());
                    return null;
                }));
                String customer = Api.member();
                var order =
                        new OrderCompleted(customer, BU, "o-" + UUID.randomUUID(), 5_000, category, Instant.now(), 50);
                String event = codec.toJson(EventEnvelope.wrap(order, "test", Instant.now(), json));
                done.add(threads.submit(() -> {
                    start.await();
                    TestKafka.send(Topics.ORDER, customer, event);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (Exception e) {
                    failures.add(e);
                }
            }
        }

        assertThat(failures).as("every request and event was sent").isEmpty();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM campaign_reward WHERE campaign_id = ?")
                                .param(campaign)
                                .query(Long.class)
                                .single()
                        == PER_CAMPAIGN);
        assertThat(statuses.keySet()).as("answers: %s", statuses).allMatch(s -> s == 201 || s == 409);
        long issued = jdbc.sql("SELECT COUNT(*) FROM coupon WHERE template_id IN (?, ?, ?)")
                .params(claimed, granted, rewarded)
                .query(Long.class)
                .single();
        long used = jdbc.sql("SELECT used_fen FROM subsidy_pool WHERE bu = ? AND month = ?")
                .params(BU, month)
                .query(Long.class)
                .single();
        assertThat(used).isLessThanOrEqualTo(LIMIT);
        assertThat(used)
                .as("every coupon issued drew its face value, and nothing else did")
                .isEqualTo(issued * FACE);
        assertThat(issued).as("the pool is spent to its last whole coupon").isEqualTo(LIMIT / FACE);
        long refusedByEvents = jdbc.sql(
                        "SELECT COUNT(*) FROM campaign_reward WHERE campaign_id = ? AND outcome = 'POOL_EXHAUSTED'")
                .param(campaign)
                .query(Long.class)
                .single();
        int refusedByHttp = statuses.getOrDefault(409, new AtomicInteger()).get();
        assertThat(refusedByHttp + refusedByEvents).isEqualTo(3L * PER_CAMPAIGN - issued);
    }

    private static void count(Map<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private static String template(Api api, boolean claimable) {
        var body = Api.fixedTemplate(FACE, 10_000, 5, 10_000 * FACE);
        body.put("fundingBu", BU);
        body.put("claimable", claimable);
        return api.template(body);
    }

    private static String orderCampaign(Api api, String template, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "storm");
        body.put("fundingBu", BU);
        body.put("trigger", Map.of("type", "ORDER_COMPLETED", "bu", BU, "category", category));
        body.put("actions", List.of(Map.of("type", "GRANT_COUPON", "templateId", template)));
        body.put("startsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("endsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        body.put("perMemberCap", 1);
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), body);
        String id = created.text("campaignId");
        assertThat(api.post("/api/v1/admin/campaigns/" + id + "/activate", TestTokens.admin(), Map.of())
                        .status())
                .isEqualTo(200);
        return id;
    }
}
