package io.unimember.settlement.journal;

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
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a redemption event into a {@link Redemption}; other event types are not the journal's business. A payload
 * the journal cannot post correctly (no usage time, negative amounts, lots that do not add up) is malformed: it
 * goes to the dead-letter topic rather than being posted wrong.
 */
@Component
class RedemptionReader {

    /** A sanity bound (¥10bn) far above any real redemption; anything larger is corrupt. */
    static final long MAX_FACE_FEN = 1_000_000_000_000L;

    private static final int MAX_REF = 128;
    private static final int MAX_PARTY = 32;

    private final JsonMapper mapper;
    private final SettlementProperties properties;
    private final Clock clock;

    RedemptionReader(JsonMapper mapper, SettlementProperties properties, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    /** A redemption to post, a reversal of one (decision 0038), or nothing. */
    Optional<JournalEntry> entry(EventEnvelope event) {
        Optional<JournalEntry> redemption = read(event).map(JournalEntry.class::cast);
        return redemption.isPresent() ? redemption : readReversal(event).map(JournalEntry.class::cast);
    }

    Optional<Reversal> readReversal(EventEnvelope event) {
        try {
            if (event.is(CouponReturned.class)) {
                return Optional.of(returned(event, event.dataAs(CouponReturned.class, mapper)));
            }
            if (event.is(PointsRefunded.class)) {
                return Optional.of(refunded(event, event.dataAs(PointsRefunded.class, mapper)));
            }
            return Optional.empty();
        } catch (JacksonException e) {
            throw new MalformedEventException(event.type() + " payload unreadable: " + e.getOriginalMessage());
        } catch (ArithmeticException e) {
            throw new MalformedEventException(event.type() + " amounts overflow: " + e.getMessage());
        }
    }

    Optional<Redemption> read(EventEnvelope event) {
        try {
            if (event.is(CouponRedeemed.class)) {
                return Optional.of(coupon(event, event.dataAs(CouponRedeemed.class, mapper)));
            }
            if (event.is(PointsRedeemed.class)) {
                return Optional.of(points(event, event.dataAs(PointsRedeemed.class, mapper)));
            }
            return Optional.empty();
        } catch (JacksonException e) {
            throw new MalformedEventException(event.type() + " payload unreadable: " + e.getOriginalMessage());
        } catch (ArithmeticException e) {
            throw new MalformedEventException(event.type() + " amounts overflow: " + e.getMessage());
        }
    }

    private Reversal returned(EventEnvelope event, CouponReturned c) {
        return new Reversal(
                event.eventId(),
                event.type(),
                Reversal.Kind.COUPON_RETURNED,
                ref(c.couponId(), "couponId"),
                memberId(event, c.memberId()),
                party(c.redeemingBu(), "redeemingBu"),
                Map.of(),
                usedAt(c.returnedAt()));
    }

    private Reversal refunded(EventEnvelope event, PointsRefunded p) {
        if (p.lots() == null || p.lots().isEmpty()) {
            throw new MalformedEventException("points.refunded without lots: no BU to credit");
        }
        Map<String, Long> byIssuer = new TreeMap<>();
        long total = 0;
        for (RefundedLot lot : p.lots()) {
            if (lot == null || lot.points() <= 0) {
                throw new MalformedEventException("points.refunded has a lot without positive points");
            }
            byIssuer.merge(party(lot.issuingBu(), "lots.issuingBu"), lot.points(), Math::addExact);
            total = Math.addExact(total, lot.points());
        }
        if (total != p.points()) {
            throw new MalformedEventException(
                    "points.refunded lots add up to " + total + " points, the event says " + p.points());
        }
        return new Reversal(
                event.eventId(),
                event.type(),
                Reversal.Kind.POINTS_REFUNDED,
                ref(p.orderId(), "orderId"),
                memberId(event, p.memberId()),
                party(p.bu(), "bu"),
                byIssuer,
                usedAt(event.occurredAt()));
    }

    private Redemption coupon(EventEnvelope event, CouponRedeemed c) {
        long face = face(c.discountFen(), "discountFen");
        var claim =
                new Redemption.Claim(party(c.fundingBu(), "fundingBu"), party(c.redeemingBu(), "redeemingBu"), face);
        return new Redemption(
                event.eventId(),
                event.type(),
                BenefitType.COUPON,
                ref(c.couponId(), "couponId"),
                optionalRef(c.orderRef()),
                memberId(event, c.memberId()),
                usedAt(c.redeemedAt()),
                List.of(claim));
    }

    private Redemption points(EventEnvelope event, PointsRedeemed p) {
        String spendingBu = party(p.spendingBu(), "spendingBu");
        if (p.lots() == null || p.lots().isEmpty()) {
            throw new MalformedEventException("points.redeemed without lots: no BU to charge");
        }
        Map<String, Long> pointsByIssuer = new TreeMap<>();
        long total = 0;
        for (SpentLot lot : p.lots()) {
            if (lot == null || lot.points() <= 0) {
                throw new MalformedEventException("points.redeemed has a lot without positive points");
            }
            pointsByIssuer.merge(party(lot.issuingBu(), "lots.issuingBu"), lot.points(), Math::addExact);
            total = Math.addExact(total, lot.points());
        }
        if (total != p.points()) {
            throw new MalformedEventException(
                    "points.redeemed lots add up to " + total + " points, the event says " + p.points());
        }
        List<Redemption.Claim> claims = pointsByIssuer.entrySet().stream()
                .map(e -> new Redemption.Claim(
                        e.getKey(),
                        spendingBu,
                        face(Math.multiplyExact(e.getValue(), properties.pointFaceValueFen()), "points")))
                .toList();
        return new Redemption(
                event.eventId(),
                event.type(),
                BenefitType.POINTS,
                ref(p.holdId(), "holdId"),
                optionalRef(p.orderRef()),
                memberId(event, p.memberId()),
                usedAt(p.redeemedAt()),
                claims);
    }

    private static long face(long fen, String field) {
        if (fen < 0 || fen > MAX_FACE_FEN) {
            throw new MalformedEventException(field + " out of range: " + fen);
        }
        return fen;
    }

    private static String party(@Nullable String code, String field) {
        if (code == null || code.isBlank() || code.length() > MAX_PARTY) {
            throw new MalformedEventException(field + " is not a party code: " + code);
        }
        return code;
    }

    private static String ref(@Nullable String ref, String field) {
        if (ref == null || ref.isBlank() || ref.length() > MAX_REF) {
            throw new MalformedEventException(field + " missing or longer than " + MAX_REF);
        }
        return ref;
    }

    private static @Nullable String optionalRef(@Nullable String ref) {
        if (ref != null && ref.length() > MAX_REF) {
            throw new MalformedEventException("orderRef longer than " + MAX_REF);
        }
        return ref;
    }

    private static String memberId(EventEnvelope event, @Nullable String fromData) {
        String id = fromData != null ? fromData : event.memberId();
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new MalformedEventException("memberId missing or too long");
        }
        return id;
    }

    /** The usage time decides price and period; one ahead of our clock by more than skew is corrupt. */
    private Instant usedAt(@Nullable Instant redeemedAt) {
        if (redeemedAt == null) {
            throw new MalformedEventException("redeemedAt missing: the usage time decides price and period");
        }
        if (redeemedAt.isAfter(clock.instant().plus(properties.maxFutureUsage()))) {
            throw new MalformedEventException("redeemedAt " + redeemedAt + " lies in the future");
        }
        return redeemedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
