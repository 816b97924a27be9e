package io.unimember.points.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.points.Api;
import io.unimember.points.PointsIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code unimember.points.spent}: the points of each confirmed hold, once, under the BU where they were spent. */
@PointsIntegrationTest
class SpendMetricsTests {

    @Autowired
    Api api;

    @Autowired
    MeterRegistry registry;

    @Autowired
    SpendMetrics metrics;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aConfirmedHoldCountsItsPointsUnderTheSpendingBusinessUnitOnce() {
        double entertainment = spent("ENTERTAINMENT");
        double dineIn = spent("DINE_IN");
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000);
        String holdId = Api.newId("h");
        api.hold("ENTERTAINMENT", member, holdId, 300);

        assertThat(api.confirm("ENTERTAINMENT", holdId).status()).isEqualTo(200);
        assertThat(api.confirm("ENTERTAINMENT", holdId).status()).isEqualTo(200);

        assertThat(spent("ENTERTAINMENT") - entertainment).isEqualTo(300);
        assertThat(spent("DINE_IN")).as("the issuing BU is not the tag").isEqualTo(dineIn);
    }

    @Test
    void holdsCancelledOrRefusedSpendNothing() {
        double before = spent("RETAIL");
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 10_000);
        String cancelled = Api.newId("h");
        api.hold("RETAIL", member, cancelled, 50);
        api.cancel("RETAIL", cancelled);

        assertThat(api.confirm("RETAIL", cancelled).status()).isEqualTo(409);
        assertThat(spent("RETAIL")).isEqualTo(before);
    }

    @Test
    void aConfirmationThatRollsBackIsNotCounted() {
        double before = spent("TRAVEL");

        tx.executeWithoutResult(status -> {
            metrics.spent("TRAVEL", 40);
            status.setRollbackOnly();
        });

        assertThat(spent("TRAVEL")).isEqualTo(before);
    }

    @Test
    void theCounterIsOnThePrometheusEndpoint() {
        String member = Api.newMember();
        api.order("HOTEL", member, Api.newId("o"), 10_000);
        String holdId = Api.newId("h");
        api.hold("HOTEL", member, holdId, 20);
        api.confirm("HOTEL", holdId);

        String scrape = api.get("/actuator/prometheus", null).raw();

        Matcher m = Pattern.compile("(?m)^unimember_points_spent_total\\{[^}]*bu=\"HOTEL\"[^}]*\\} (\\S+)$")
                .matcher(scrape);
        assertThat(m.find())
                .as("unimember_points_spent_total{bu=HOTEL} in the scrape")
                .isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(spent("HOTEL")).isGreaterThanOrEqualTo(20);
    }

    private double spent(String bu) {
        Counter counter = registry.find("unimember.points.spent").tag("bu", bu).counter();
        return counter == null ? 0 : counter.count();
    }
}
