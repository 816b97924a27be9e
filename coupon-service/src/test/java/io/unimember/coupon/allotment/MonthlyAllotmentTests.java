package io.unimember.coupon.allotment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class MonthlyAllotmentTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    MonthlyAllotment allotment;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
    }

    @Test
    void eachMemberGetsTheirTiersCountOncePerMonth() {
        String gold = Api.member();
        String regular = Api.member();
        deliver(tierChanged(gold, "GOLD", 5, 3));
        deliver(tierChanged(regular, "REGULAR", 2, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> projected(gold) == 5 && projected(regular) == 2);
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

        var first = api.post("/api/v1/admin/coupon-allotments/" + month, TestTokens.admin(), Map.of());
        var again = api.post("/api/v1/admin/coupon-allotments/" + month, TestTokens.admin(), Map.of());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("membersAllotted").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(allotted(gold)).isEqualTo(5);
        assertThat(allotted(regular)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT DISTINCT t.funding_bu FROM coupon c JOIN coupon_template t ON t.id = c.template_id"
                                + " WHERE c.member_id = ?")
                        .param(gold)
                        .query(String.class)
                        .list())
                .containsExactly("PLATFORM");
    }

    @Test
    void runsOnSeveralInstancesAtOnceStillAllotOnce() throws Exception {
        List<String> members = List.of(Api.member(), Api.member(), Api.member());
        members.forEach(m -> deliver(tierChanged(m, "DIAMOND", 8, 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> members.stream().allMatch(m -> projected(m) == 8));
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));

        try (var instances = Executors.newFixedThreadPool(3)) {
            var runs = List.of(
                    CompletableFuture.supplyAsync(() -> allotment.run(month), instances),
                    CompletableFuture.supplyAsync(() -> allotment.run(month), instances),
                    CompletableFuture.supplyAsync(() -> allotment.run(month), instances));
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
            assertThat(runs.stream().mapToInt(r -> r.join().membersFailed()).sum())
                    .isZero();
        }

        assertThat(members).allSatisfy(m -> assertThat(allotted(m)).isEqualTo(8));
    }

    @Test
    void theProjectionKeepsTheNewestTierAndAppliesAnEventOnce() {
        String member = Api.member();
        String platinum = tierChanged(member, "PLATINUM", 6, 5);

        String olderArrivingLate = tierChanged(member, "SILVER", 2, 4);

        deliver(platinum);
        deliver(platinum);
        deliver(olderArrivingLate);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(olderArrivingLate));

        assertThat(tier(member)).isEqualTo("PLATINUM");
        assertThat(applied(platinum)).isTrue();
        String newest = tierChanged(member, "BLACK_DIAMOND", 10, 6);
        deliver(newest);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(newest));
        assertThat(tier(member)).isEqualTo("BLACK_DIAMOND");
        assertThat(projected(member)).isEqualTo(10);
    }

    @Test
    void onlyAdminRunsItAndNotForAMonthToCome() {
        String future = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();

        var ahead = api.post("/api/v1/admin/coupon-allotments/" + future, TestTokens.admin(), Map.of());
        var garbled = api.post("/api/v1/admin/coupon-allotments/2026-13", TestTokens.admin(), Map.of());
        var ancient = api.post("/api/v1/admin/coupon-allotments/-0001-01", TestTokens.admin(), Map.of());
        var bu = api.post("/api/v1/admin/coupon-allotments/2026-01", TestTokens.bu("HOTEL"), Map.of());

        assertThat(ahead.status()).isEqualTo(409);
        assertThat(ahead.code()).isEqualTo("MONTH_NOT_STARTED");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(bu.status()).isEqualTo(403);
    }

    private String tierChanged(String member, String tier, int monthlyCoupons, long version) {
        var event = new TierChanged(member, null, tier, "TEST", 0, tier, null, 0, "1.0", monthlyCoupons, null, version);
        return codec.toJson(EventEnvelope.wrap(event, "test", Instant.now(), json));
    }

    private void deliver(String envelope) {
        TestKafka.send(Topics.TIER, json.readTree(envelope).path("memberId").asString(), envelope);
    }

    private boolean applied(String envelope) {
        String eventId = json.readTree(envelope).path("eventId").asString();
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
                        .params(TierEventsListener.CONSUMER, eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private String tier(String member) {
        return jdbc.sql("SELECT tier FROM member_tier WHERE member_id = ?")
                .param(member)
                .query(String.class)
                .single();
    }

    private int projected(String member) {
        return jdbc.sql("SELECT COALESCE(MAX(monthly_coupons), -1) FROM member_tier WHERE member_id = ?")
                .param(member)
                .query(Integer.class)
                .single();
    }

    private long allotted(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND channel = 'ALLOTMENT'")
                .param(member)
                .query(Long.class)
                .single();
    }
}
