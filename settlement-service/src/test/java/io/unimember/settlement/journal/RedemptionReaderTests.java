package io.unimember.settlement.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.SpentLot;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SettlementProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RedemptionReaderTests {

    private static final Instant USED = Instant.parse("2026-03-10T02:00:00.123456789Z");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final RedemptionReader reader = new RedemptionReader(
            mapper,
            new SettlementProperties(ZoneId.of("Asia/Shanghai"), 10_000, 1, 100, Duration.ofHours(1), false),
            Clock.fixed(USED.plus(Duration.ofDays(1)), ZoneOffset.UTC));

    @Test
    void aCouponMakesTheFundingBuOweTheRedeemingBuTheDiscount() {
        Redemption r =
                reader.read(envelope(coupon("PLATFORM", "HOTEL", 1_500, USED))).orElseThrow();

        assertThat(r.benefitType()).isEqualTo(BenefitType.COUPON);
        assertThat(r.sourceRef()).isEqualTo("c-1");
        assertThat(r.usedAt()).isEqualTo(Instant.parse("2026-03-10T02:00:00.123456Z"));
        assertThat(r.claims()).containsExactly(new Redemption.Claim("PLATFORM", "HOTEL", 1_500));
    }

    @Test
    void pointsMakeEachIssuingBuOweTheSpendingBuItsLotsMergedPerIssuer() {
        var lots = List.of(new SpentLot("RETAIL", 100), new SpentLot("HOTEL", 250), new SpentLot("RETAIL", 50));
        Redemption r = reader.read(envelope(points("DINE_IN", 400, lots, USED))).orElseThrow();

        assertThat(r.claims())
                .containsExactly(
                        new Redemption.Claim("HOTEL", "DINE_IN", 250), new Redemption.Claim("RETAIL", "DINE_IN", 150));
        assertThat(r.parties()).containsExactlyInAnyOrder("HOTEL", "RETAIL", "DINE_IN");
    }

    @Test
    void otherEventTypesAreNotTheJournalsBusiness() {
        assertThat(reader.read(envelope(new MemberRegistered("m-1", USED)))).isEmpty();
    }

    @Test
    void lotsThatDoNotAddUpToTheSpentPointsAreMalformed() {
        var event = envelope(points("DINE_IN", 400, List.of(new SpentLot("HOTEL", 300)), USED));

        assertThatThrownBy(() -> reader.read(event))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("300");
    }

    @Test
    void pointsWithoutLotsAreMalformedBecauseNoBuCanBeCharged() {
        assertThatThrownBy(() -> reader.read(envelope(points("DINE_IN", 400, List.of(), USED))))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aRedemptionWithoutUsageTimeOrWithANegativeDiscountIsMalformed() {
        assertThatThrownBy(() -> reader.read(envelope(coupon("PLATFORM", "HOTEL", 100, null))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("redeemedAt");
        assertThatThrownBy(() -> reader.read(envelope(coupon("PLATFORM", "HOTEL", -1, USED))))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> reader.read(envelope(coupon("", "HOTEL", 100, USED))))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aUsageAheadOfOurClockByMoreThanTheSkewIsMalformed() {
        Instant now = USED.plus(Duration.ofDays(1));

        assertThat(reader.read(envelope(coupon("PLATFORM", "HOTEL", 100, now.plus(Duration.ofMinutes(59))))))
                .isPresent();
        assertThatThrownBy(() -> reader.read(envelope(coupon("PLATFORM", "HOTEL", 100, now.plus(Duration.ofHours(2))))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("future");
    }

    @Test
    void aPayloadOfTheWrongShapeIsMalformed() {
        EventEnvelope good = envelope(coupon("PLATFORM", "HOTEL", 100, USED));
        var broken = new EventEnvelope(
                good.eventId(),
                good.type(),
                good.occurredAt(),
                good.memberId(),
                good.source(),
                good.version(),
                mapper.readTree("{\"discountFen\":\"lots\"}"));

        assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(MalformedEventException.class);
    }

    private EventEnvelope envelope(DomainEvent event) {
        return EventEnvelope.wrap(event, "test", USED, mapper);
    }

    static CouponRedeemed coupon(String funding, String redeeming, long fen, Instant at) {
        return new CouponRedeemed("m-1", "c-1", "t-1", funding, redeeming, fen, "o-1", at);
    }

    static PointsRedeemed points(String spending, long points, List<SpentLot> lots, Instant at) {
        return new PointsRedeemed(
                "m-1", "h-1", "tr-1", spending, "o-1", points, lots, at, new PointsBalance(0, 0, 0, 1, List.of()));
    }
}
