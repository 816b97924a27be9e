package io.unimember.tier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import io.unimember.tier.membership.Memberships;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Growth counts for 365 business days (Asia/Shanghai) and then falls out, with a clock the test moves. */
@TierIntegrationTest
class GrowthWindowJobTests {

    private static final Duration DAY = Duration.ofDays(1);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Memberships memberships;

    @Autowired
    GrowthWindowJob job;

    @Autowired
    TierTestSupport support;

    @Autowired
    JsonMapper mapper;

    Instant t0;

    @BeforeEach
    void fixTime() {
        support.awaitOutboxDrained();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
    }

    @AfterEach
    void releaseTime() {
        support.awaitOutboxDrained();
        clock.reset();
    }

    @Test
    void growthFallsOutOfTheWindowOnTheDayAfterItsLastDayAndIsPublishedAgain() {
        String member = "m-" + UUID.randomUUID();
        memberships.applyOrder(order(member, t0.minus(DAY.multipliedBy(364)), 300_000)); // its last day is today
        memberships.applyOrder(order(member, t0.minus(DAY.multipliedBy(10)), 50_000));
        assertThat(me(member).get("growth").asLong()).isEqualTo(3500);
        assertThat(me(member).get("tier").asString()).isEqualTo("GOLD");
        long version = support.version(member);

        support.awaitOutboxDrained();
        clock.set(t0.plus(DAY));
        JsonNode later = me(member);
        assertThat(later.get("growth").asLong()).isEqualTo(500);
        assertThat(later.get("tier").asString()).isEqualTo("GOLD"); // retained; downgrades are monthly
        assertThat(later.get("growthToNext").asLong()).isEqualTo(7500);

        job.run();
        job.run();
        assertThat(support.version(member)).isEqualTo(version + 1);
        assertThat(support.tierEvents(member, (int) version + 1).getLast().event())
                .isEqualTo(new TierGrowthChanged(member, "GOLD", 500, "PLATINUM", 7500, version + 1));
    }

    private JsonNode me(String member) {
        var response = TestHttp.toPort(port).get("/api/v1/tiers/me", TestTokens.member(member));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return mapper.readTree(response.getBody());
    }

    private static OrderCompleted order(String member, Instant occurredAt, long amountFen) {
        return new OrderCompleted(
                member, "RETAIL", "o-" + UUID.randomUUID(), amountFen, null, occurredAt, amountFen / 100);
    }
}
