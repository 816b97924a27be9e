package io.unimember.settlement.webhooks;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipBenefitUsed;
import io.unimember.common.events.MembershipCancelled;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.PointsRefunded;
import io.unimember.common.events.TierChanged;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.settlement.webhooks.MemberRelations.Relation;
import io.unimember.settlement.webhooks.MemberRelations.Seller;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whom an event concerns (design §16): the BUs named in it ({@code bus}), or, for a tier change, the member's BUs
 * ({@code memberBus}), or, for a membership event that names none, the seller of {@code planCode}; and what it
 * teaches us about members' BUs and plans' sellers.
 */
record Concern(
        EventEnvelope envelope,
        Set<String> bus,
        boolean memberBus,
        @Nullable String planCode,
        List<Relation> relations,
        List<Seller> sellers) {

    /** The concern of an event webhooks carry, or null for one they do not. */
    static @Nullable Concern of(EventEnvelope e, JsonMapper mapper) {
        try {
            return read(e, mapper);
        } catch (JacksonException ex) {
            throw new MalformedEventException(e.type() + " without a readable payload: " + ex.getOriginalMessage());
        }
    }

    private static @Nullable Concern read(EventEnvelope e, JsonMapper mapper) {
        String m = e.memberId();
        if (e.is(PointsEarned.class)) {
            String bu = e.dataAs(PointsEarned.class, mapper).bu();
            return named(e, Set.of(bu), List.of(new Relation(m, bu)));
        }
        if (e.is(PointsRefunded.class)) {
            String bu = e.dataAs(PointsRefunded.class, mapper).bu();
            return named(e, Set.of(bu), List.of(new Relation(m, bu)));
        }
        if (e.is(CouponRedeemed.class)) {
            CouponRedeemed c = e.dataAs(CouponRedeemed.class, mapper);
            return named(e, Set.of(c.fundingBu(), c.redeemingBu()), List.of(new Relation(m, c.redeemingBu())));
        }
        if (e.is(CouponReturned.class)) {
            CouponReturned c = e.dataAs(CouponReturned.class, mapper);
            return named(e, Set.of(c.fundingBu(), c.redeemingBu()), List.of());
        }
        if (e.is(TierChanged.class)) {
            return new Concern(e, Set.of(), true, null, List.of(), List.of());
        }
        if (e.is(MembershipActivated.class)) {
            return sold(e, e.dataAs(MembershipActivated.class, mapper).terms());
        }
        if (e.is(MembershipRenewed.class)) {
            return sold(e, e.dataAs(MembershipRenewed.class, mapper).terms());
        }
        if (e.is(MembershipRefunded.class)) {
            return named(e, Set.of(e.dataAs(MembershipRefunded.class, mapper).payingBu()), List.of());
        }
        if (e.is(MembershipCancelled.class)) {
            return ofPlan(e, e.dataAs(MembershipCancelled.class, mapper).planCode());
        }
        if (e.is(MembershipLapsed.class)) {
            return ofPlan(e, e.dataAs(MembershipLapsed.class, mapper).planCode());
        }
        if (e.is(MembershipBenefitUsed.class)) {
            return ofPlan(e, e.dataAs(MembershipBenefitUsed.class, mapper).planCode());
        }
        return null;
    }

    private static Concern named(EventEnvelope e, Set<String> bus, List<Relation> relations) {
        return new Concern(e, bus, false, null, relations, List.of());
    }

    private static Concern sold(EventEnvelope e, MembershipTerms terms) {
        String seller = terms.payingBu();
        return new Concern(
                e,
                Set.of(seller),
                false,
                null,
                List.of(new Relation(e.memberId(), seller)),
                List.of(new Seller(e.memberId(), terms.planCode(), seller)));
    }

    private static Concern ofPlan(EventEnvelope e, String planCode) {
        return new Concern(e, Set.of(), false, planCode, List.of(), List.of());
    }
}
