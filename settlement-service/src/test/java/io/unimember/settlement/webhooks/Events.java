package io.unimember.settlement.webhooks;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.TierChanged;
import io.unimember.settlement.support.Fixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events webhook tests send, as their producers write them. */
final class Events {

    private final Fixture fixture;

    Events(Fixture fixture) {
        this.fixture = fixture;
    }

    static String newMember() {
        return "m-" + UUID.randomUUID();
    }

    EventEnvelope earned(String member, String bu, long points) {
        Instant now = Instant.now();
        return fixture.wrap(
                new PointsEarned(
                        member,
                        "tr-" + UUID.randomUUID(),
                        bu,
                        "o-" + UUID.randomUUID(),
                        points,
                        false,
                        now.plus(Duration.ofDays(365)),
                        new PointsBalance(points, 0, points, 1, List.of())),
                "points-service",
                now);
    }

    EventEnvelope redeemed(String member, String fundingBu, String redeemingBu) {
        Instant now = Instant.now();
        return fixture.wrap(
                new CouponRedeemed(
                        member,
                        "c-" + UUID.randomUUID(),
                        "t-1",
                        fundingBu,
                        redeemingBu,
                        500,
                        "o-" + UUID.randomUUID(),
                        now),
                "coupon-service",
                now);
    }

    EventEnvelope tierChanged(String member, String from, String to) {
        return fixture.wrap(
                new TierChanged(member, from, to, "UPGRADE", 2_500, to, "PLATINUM", 5_500, "1.2", 5, null, 2),
                "tier-service",
                Instant.now());
    }
}
