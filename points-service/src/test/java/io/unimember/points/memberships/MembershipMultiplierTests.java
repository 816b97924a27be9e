package io.unimember.points.memberships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.TierChanged;
import io.unimember.common.inbox.EventCodec;
import io.unimember.points.Api;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A running paid membership adds its bonus to the tier's multiplier (decision 0040); once it ends, the tier's alone. */
@PointsIntegrationTest
class MembershipMultiplierTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Api api;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Test
    void aGoldMemberWithAOnePointFivePlanEarnsAtOnePointSevenUntilItLapses() {
        String member = Api.newMember();
        send(new TierChanged(member, "REGULAR", "GOLD", "UPGRADE", 2_500, "黄金", null, 0, "1.2", 5, null, 1));
        await().atMost(WAIT).until(() -> "1.2".equals(api.me(member).text("earningMultiplier")));

        Instant now = Instant.now();
        send(new MembershipActivated(member, terms(member, now.plus(Duration.ofDays(30))), 1));
        await().atMost(WAIT).until(() -> "1.7".equals(api.me(member).text("earningMultiplier")));
        assertThat(api.order("DINE_IN", member, Api.newId("o"), 10_000).number("pointsEarned"))
                .isEqualTo(170);

        send(new MembershipLapsed(member, "SUPER", now, "RENEWAL_UNPAID", 2));
        await().atMost(WAIT).until(() -> "1.2".equals(api.me(member).text("earningMultiplier")));
        assertThat(api.order("DINE_IN", member, Api.newId("o"), 10_000).number("pointsEarned"))
                .isEqualTo(120);
    }

    @Test
    void theBonusAddsToATopTierRatherThanMultiplyingIt() {
        String member = Api.newMember();
        send(new TierChanged(member, "DIAMOND", "BLACK_DIAMOND", "UPGRADE", 50_000, "黑钻", null, 0, "2.0", 10, null, 1));
        send(new MembershipActivated(member, terms(member, Instant.now().plus(Duration.ofDays(30))), 1));
        // 2.0 + 0.5, not 2.0 × 1.5 = 3.0 (decision 0040)
        await().atMost(WAIT).until(() -> "2.5".equals(api.me(member).text("earningMultiplier")));
        assertThat(api.order("DINE_IN", member, Api.newId("o"), 10_000).number("pointsEarned"))
                .isEqualTo(250);
    }

    @Test
    void aMemberWithoutATierEventEarnsTheBonusOnTopOfOne() {
        String member = Api.newMember();
        send(new MembershipActivated(member, terms(member, Instant.now().plus(Duration.ofDays(30))), 1));
        await().atMost(WAIT).until(() -> "1.5".equals(api.me(member).text("earningMultiplier")));
    }

    private static MembershipTerms terms(String member, Instant endsAt) {
        return new MembershipTerms(
                "SUPER",
                "神会员",
                "p-" + member,
                "pay-" + member,
                "FOOD_DELIVERY",
                1800,
                Instant.now(),
                endsAt,
                15000,
                List.of(),
                List.of(),
                List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1800)));
    }

    private void send(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, "test", Instant.now(), json);
        TestKafka.send(envelope.topic(), event.memberId(), codec.toJson(envelope));
    }
}
