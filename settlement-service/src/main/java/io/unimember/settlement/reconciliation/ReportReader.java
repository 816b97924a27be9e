package io.unimember.settlement.reconciliation;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.PointsRefunded;
import io.unimember.common.events.RefundedLot;
import io.unimember.common.events.SpentLot;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SettlementProperties;
import io.unimember.settlement.periods.PeriodKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads redemption events for the tally, deliberately apart from the journal's reader: it records what the event
 * says rather than what the journal would accept (unknown parties, lots that do not add up), so whatever the
 * journal refuses or misses shows up as a difference. Points without lots are recorded as owed by
 * {@value #UNATTRIBUTED}. Only what cannot be recorded at all (no usage time, no parties) is malformed.
 */
@Component
class ReportReader {

    static final String UNATTRIBUTED = "UNATTRIBUTED";

    private static final int MAX_PARTY = 32;
    private static final int MAX_REF = 128;

    private final JsonMapper mapper;
    private final SettlementProperties properties;

    ReportReader(JsonMapper mapper, SettlementProperties properties) {
        this.mapper = mapper;
        this.properties = properties;
    }

    List<ReportedRedemption> read(EventEnvelope event) {
        try {
            if (event.is(CouponRedeemed.class)) {
                var c = event.dataAs(CouponRedeemed.class, mapper);
                return List.of(row(
                        event,
                        BenefitType.COUPON,
                        party(c.fundingBu()),
                        party(c.redeemingBu()),
                        c.discountFen(),
                        c.couponId(),
                        c.orderRef(),
                        c.redeemedAt()));
            }
            if (event.is(CouponReturned.class)) {
                var c = event.dataAs(CouponReturned.class, mapper);
                return List.of(row(
                        event,
                        BenefitType.COUPON,
                        party(c.fundingBu()),
                        party(c.redeemingBu()),
                        Math.negateExact(c.discountFen()),
                        c.couponId(),
                        c.orderRef(),
                        c.returnedAt()));
            }
            if (event.is(PointsRefunded.class)) {
                var p = event.dataAs(PointsRefunded.class, mapper);
                Map<String, Long> byIssuer = new TreeMap<>();
                for (RefundedLot lot : p.lots() == null ? List.<RefundedLot>of() : p.lots()) {
                    if (lot != null) {
                        byIssuer.merge(party(lot.issuingBu()), lot.points(), Math::addExact);
                    }
                }
                String spendingBu = party(p.bu());
                return byIssuer.entrySet().stream()
                        .map(e -> row(
                                event,
                                BenefitType.POINTS,
                                e.getKey(),
                                spendingBu,
                                -Math.multiplyExact(e.getValue(), properties.pointFaceValueFen()),
                                p.orderId(),
                                p.orderId(),
                                event.occurredAt()))
                        .toList();
            }
            if (event.is(PointsRedeemed.class)) {
                var p = event.dataAs(PointsRedeemed.class, mapper);
                String spendingBu = party(p.spendingBu());
                return pointsByIssuer(p).entrySet().stream()
                        .map(e -> row(
                                event,
                                BenefitType.POINTS,
                                e.getKey(),
                                spendingBu,
                                Math.multiplyExact(e.getValue(), properties.pointFaceValueFen()),
                                p.holdId(),
                                p.orderRef(),
                                p.redeemedAt()))
                        .toList();
            }
            return List.of();
        } catch (JacksonException e) {
            throw new MalformedEventException(event.type() + " payload unreadable: " + e.getOriginalMessage());
        } catch (ArithmeticException e) {
            throw new MalformedEventException(event.type() + " amounts overflow: " + e.getMessage());
        }
    }

    private static Map<String, Long> pointsByIssuer(PointsRedeemed p) {
        Map<String, Long> byIssuer = new TreeMap<>();
        if (p.lots() == null || p.lots().isEmpty()) {
            byIssuer.put(UNATTRIBUTED, p.points());
            return byIssuer;
        }
        for (SpentLot lot : p.lots()) {
            if (lot != null) {
                byIssuer.merge(party(lot.issuingBu()), lot.points(), Math::addExact);
            }
        }
        return byIssuer;
    }

    private ReportedRedemption row(
            EventEnvelope event,
            BenefitType type,
            String from,
            String to,
            long faceFen,
            @Nullable String sourceRef,
            @Nullable String orderRef,
            @Nullable Instant redeemedAt) {
        if (redeemedAt == null) {
            throw new MalformedEventException("redeemedAt missing: no period to tally the redemption in");
        }
        Instant usedAt = redeemedAt.truncatedTo(ChronoUnit.MICROS);
        String ref = sourceRef == null ? "" : sourceRef.substring(0, Math.min(sourceRef.length(), MAX_REF));
        String source = event.source() == null ? "" : event.source();
        return new ReportedRedemption(
                event.eventId(),
                type,
                from,
                to,
                faceFen,
                ref,
                orderRef == null ? null : orderRef.substring(0, Math.min(orderRef.length(), MAX_REF)),
                usedAt,
                PeriodKey.containing(usedAt, properties.zone()).toString(),
                source.substring(0, Math.min(source.length(), 64)));
    }

    private static String party(@Nullable String code) {
        if (code == null || code.isBlank() || code.length() > MAX_PARTY) {
            throw new MalformedEventException("not a party code: " + code);
        }
        return code;
    }
}
