package io.unimember.coupon.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A flash sale: many more claimers than coupons, several per member, all at once, over real HTTP. */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimStormTests {

    static final int CLAIMERS = 200;
    static final int MEMBERS = 120;
    static final long FACE_FEN = 500;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Test
    @Order(1)
    void twoHundredConcurrentClaimersNeverOverIssueOverspendOrPassTheMemberLimit() throws Exception {
        Api api = new Api(port, json);
        warmUp(api);
        // quantity 50, but the budget funds only 40: the budget is what runs out
        String template = api.template(Api.fixedTemplate(FACE_FEN, 50, 1, 40 * FACE_FEN));

        var report = StormReport.start(meters);
        var result = new ClaimStorm(Duration.ofSeconds(60)).fire(port, template, claimers(CLAIMERS, MEMBERS));
        report.record("storm: 200 claimers, 120 members, quantity 50, limit 1, budget for 40", result);

        StormInvariants.of(jdbc, template).assertHeld(40, 1);
        assertThat(result.issued()).hasSize(40);
        assertThat(result.issued().stream().map(ClaimStorm.Outcome::couponId).collect(Collectors.toSet()))
                .hasSize(40);
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.status() == 201
                        || Set.of("BUDGET_EXHAUSTED", "COUPON_LIMIT_REACHED").contains(o.code()))
                .as("%s", o)
                .isTrue());
        // the outbox delivers at least once: count coupons announced, not records
        Set<String> announced = TestKafka.records(
                        Topics.COUPON,
                        v -> v.contains("coupon.issued") && v.contains(template),
                        40,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> json.readTree(r.value()).path("data").path("couponId").asString())
                .collect(Collectors.toSet());
        assertThat(announced)
                .as("coupon.issued for every coupon and for nothing else")
                .isEqualTo(Set.copyOf(jdbc.sql("SELECT id FROM coupon WHERE template_id = ?")
                        .param(template)
                        .query(String.class)
                        .list()));
    }

    @Test
    @Order(2)
    void sustainedClaimingKeepsCountsExact() throws Exception {
        Api api = new Api(port, json);
        String template = api.template(Api.fixedTemplate(FACE_FEN, 1_000_000, 10, 1_000_000 * FACE_FEN));
        // 2000 claims for 400 members, 5 each, by 200 clients claiming one after another
        List<ClaimStorm.Claimer> claimers = claimers(2000, 400);

        var report = StormReport.start(meters);
        var result = new ClaimStorm(Duration.ofSeconds(120)).fire(port, template, claimers, CLAIMERS);
        report.record("sustained: 2000 claims by 200 concurrent clients, 400 members, every claim succeeds", result);

        StormInvariants.of(jdbc, template).assertHeld(2000, 10);
        assertThat(result.issued()).hasSize(2000);
    }

    /** Claimer i claims for member i mod {@code members}, each with its own key. */
    static List<ClaimStorm.Claimer> claimers(int count, int members) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            ids.add(Api.member());
        }
        List<ClaimStorm.Claimer> claimers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            claimers.add(new ClaimStorm.Claimer(
                    ids.get(i % members), UUID.randomUUID().toString()));
        }
        return claimers;
    }

    /** The JIT and the connection pools warm up on another template, so the storm measures the steady state. */
    private void warmUp(Api api) throws Exception {
        String template = api.template(Api.fixedTemplate(FACE_FEN, 10_000, 1, 10_000 * FACE_FEN));
        var report = StormReport.start(meters);
        var result = new ClaimStorm(Duration.ofSeconds(60)).fire(port, template, claimers(CLAIMERS, CLAIMERS));
        report.record("warm-up: 200 claims, 200 members", result);
    }
}
