package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The A/B report on generated data with a known effect: 300 members split 30% holdout; afterwards every member spends
 * a noisy base amount (spread alike in both arms) and each treated member ¥30 more, so the uplift is ¥30 per member.
 */
@IntegrationTest
class UpliftReportTests {

    private static final long EFFECT = 3_000;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderCampaigns campaigns;

    @Test
    void theReportFindsTheKnownUpliftInsideItsInterval() {
        Api api = new Api(port, json);
        String category = "uplift-" + UUID.randomUUID();
        var body = Api.fixedTemplate(500, 10_000, 1, 5_000_000);
        body.put("fundingBu", "ENTERTAINMENT");
        body.put("claimable", false);
        String template = api.template(body);
        Map<String, Object> c = CampaignsAdminTests.campaign("ENTERTAINMENT", template);
        c.put("trigger", Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "category", category));
        c.put("split", Map.of("holdoutPercent", 30));
        String campaign =
                api.post("/api/v1/admin/campaigns", TestTokens.admin(), c).text("campaignId");
        api.post("/api/v1/admin/campaigns/" + campaign + "/activate", TestTokens.admin(), Map.of());
        var split = new Split(30);

        List<String> members = new ArrayList<>();
        List<OrderCompleted> triggering = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String m = Api.member();
            members.add(m);
            triggering.add(order(m, 1_000, category, Instant.now()));
        }
        tx.executeWithoutResult(s -> campaigns.onOrdersCompleted(triggering));

        Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
        List<OrderCompleted> after = new ArrayList<>();
        int treatedSeen = 0;
        int heldSeen = 0;
        for (String m : members) {
            boolean holdout = split.holdsOut(campaign, m);
            int rank = holdout ? heldSeen++ : treatedSeen++;
            after.add(order(m, 4_000 + (rank % 5) * 1_000L, "other", later)); // noise, the same spread in each arm
            if (!holdout) {
                after.add(order(m, EFFECT, "other", later.plusSeconds(60)));
            }
        }
        tx.executeWithoutResult(s -> campaigns.onOrdersCompleted(after));

        Api.Response r = api.get("/api/v1/admin/campaigns/" + campaign + "/report?windowDays=30", TestTokens.admin());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode report = r.body();
        assertThat(report.path("treatment").path("members").asLong()).isEqualTo(treatedSeen);
        assertThat(report.path("holdout").path("members").asLong()).isEqualTo(heldSeen);
        assertThat(report.path("issued").asLong()).isEqualTo(treatedSeen);
        assertThat(report.path("treatment").path("ordersPerMember").asDouble()).isEqualTo(2.0);
        assertThat(report.path("holdout").path("ordersPerMember").asDouble()).isEqualTo(1.0);
        double uplift = report.path("upliftSpendFenPerMember").asDouble();
        double lo = report.path("ci95").get(0).asDouble();
        double hi = report.path("ci95").get(1).asDouble();
        assertThat(uplift).isBetween(EFFECT - 200.0, EFFECT + 200.0);
        assertThat(lo).isLessThanOrEqualTo(EFFECT).isPositive();
        assertThat(hi).isGreaterThanOrEqualTo(EFFECT);
        assertThat(hi - lo).as("an interval that says something").isLessThan(1_500.0);
    }

    private static OrderCompleted order(String member, long fen, String category, Instant at) {
        return new OrderCompleted(member, "ENTERTAINMENT", "o-" + UUID.randomUUID(), fen, category, at, fen / 100);
    }
}
