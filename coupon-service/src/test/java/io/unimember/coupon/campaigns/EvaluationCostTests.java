package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.lang.management.ManagementFactory;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * What evaluating campaigns costs the consumer's thread per order (decision 0043's budget: ≤ 1 ms CPU per order),
 * measured as that thread's CPU time over batches of 100 orders against six active campaigns — the seeded one, which
 * grants a coupon to every new member's first DINE_IN order, plus five of the kinds the triggers support. It counts
 * the service's own CPU, JDBC client work included; the database's is the database's. Not a benchmark: a guard that
 * the evaluation stays set-based (a query per order would show at once).
 */
@IntegrationTest
class EvaluationCostTests {

    private static final int BATCH = 100;
    private static final int WARM_UP = 5;
    private static final int MEASURED = 10;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderCampaigns campaigns;

    @Test
    void evaluatingABatchCostsWellUnderAMillisecondOfCpuPerOrder() {
        Api api = new Api(port, json);
        var body = Api.fixedTemplate(300, 100_000, 100, 30_000_000);
        body.put("fundingBu", "ENTERTAINMENT");
        body.put("claimable", false);
        String template = api.template(body);
        String category = "cost-" + UUID.randomUUID();
        List<Map<String, Object>> triggers = List.of(
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "category", category),
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "minAmountFen", 50_000_000),
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "nthOrder", 3),
                Map.of("type", "CROSS_BU", "fromBu", "DINE_IN", "toBu", "ENTERTAINMENT", "withinDays", 7),
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "firstInBu", true, "category", category));
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> trigger : triggers) {
            Map<String, Object> c = CampaignsAdminTests.campaign("ENTERTAINMENT", template);
            c.put("trigger", trigger);
            c.put("perMemberCap", 5);
            String id =
                    api.post("/api/v1/admin/campaigns", TestTokens.admin(), c).text("campaignId");
            api.post("/api/v1/admin/campaigns/" + id + "/activate", TestTokens.admin(), Map.of());
            ids.add(id);
        }
        var threads = ManagementFactory.getThreadMXBean();
        try {
            for (int i = 0; i < WARM_UP; i++) {
                apply(batch(category));
            }
            long cpu = 0;
            for (int i = 0; i < MEASURED; i++) {
                List<OrderCompleted> orders = batch(category);
                long before = threads.getCurrentThreadCpuTime();
                apply(orders);
                cpu += threads.getCurrentThreadCpuTime() - before;
            }
            double msPerOrder = cpu / 1e6 / (MEASURED * BATCH);
            System.out.printf("campaign evaluation: %.3f ms CPU per order%n", msPerOrder);
            assertThat(msPerOrder).isLessThan(1.0);
        } finally {
            ids.forEach(id -> api.post("/api/v1/admin/campaigns/" + id + "/end", TestTokens.admin(), Map.of()));
        }
    }

    private void apply(List<OrderCompleted> orders) {
        tx.executeWithoutResult(s -> campaigns.onOrdersCompleted(orders));
    }

    /** A batch like the live mix: new and returning members, most orders firing nothing, some firing two campaigns. */
    private static List<OrderCompleted> batch(String category) {
        List<OrderCompleted> orders = new ArrayList<>(BATCH);
        Instant now = Instant.now();
        for (int i = 0; i < BATCH / 4; i++) {
            String m = Api.member();
            orders.add(order(m, "DINE_IN", 8_800, null, now.minus(1, ChronoUnit.DAYS)));
            orders.add(order(m, "ENTERTAINMENT", 6_000, i % 2 == 0 ? category : null, now));
            orders.add(order(m, "HOTEL", 30_000, null, now));
            orders.add(order(m, "FOOD_DELIVERY", 3_500, null, now));
        }
        return orders;
    }

    private static OrderCompleted order(String member, String bu, long fen, String category, Instant at) {
        return new OrderCompleted(member, bu, "o-" + UUID.randomUUID(), fen, category, at, fen / 100);
    }
}
