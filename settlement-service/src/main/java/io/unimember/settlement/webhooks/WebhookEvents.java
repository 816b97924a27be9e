package io.unimember.settlement.webhooks;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.EventTypes;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipBenefitUsed;
import io.unimember.common.events.MembershipCancelled;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.PointsRefunded;
import io.unimember.common.events.TierChanged;
import io.unimember.common.web.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The event types an endpoint may subscribe to (design §16), and {@code membership.*} for all of a plan's. */
final class WebhookEvents {

    static final String PERIOD_CLOSED = "settlement.period.closed";
    static final String MEMBERSHIP_ALL = "membership.*";

    static final List<String> MEMBERSHIP = List.of(
            EventTypes.nameOf(MembershipActivated.class),
            EventTypes.nameOf(MembershipRenewed.class),
            EventTypes.nameOf(MembershipCancelled.class),
            EventTypes.nameOf(MembershipLapsed.class),
            EventTypes.nameOf(MembershipRefunded.class),
            EventTypes.nameOf(MembershipBenefitUsed.class));

    static final List<String> ALL = List.copyOf(new LinkedHashSet<>(List.of(
            EventTypes.nameOf(TierChanged.class),
            EventTypes.nameOf(CouponRedeemed.class),
            EventTypes.nameOf(CouponReturned.class),
            EventTypes.nameOf(PointsEarned.class),
            EventTypes.nameOf(PointsRefunded.class),
            MEMBERSHIP.get(0),
            MEMBERSHIP.get(1),
            MEMBERSHIP.get(2),
            MEMBERSHIP.get(3),
            MEMBERSHIP.get(4),
            MEMBERSHIP.get(5),
            PERIOD_CLOSED)));

    private WebhookEvents() {}

    /** The subscription as stored: known types only, {@code membership.*} expanded, each once, in our order. */
    static List<String> normalize(List<String> requested) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String type : requested) {
            if (type.equals(MEMBERSHIP_ALL)) {
                wanted.addAll(MEMBERSHIP);
            } else if (ALL.contains(type)) {
                wanted.add(type);
            } else {
                throw ApiException.badRequest(
                        "WEBHOOK_EVENT_UNKNOWN", "no event type " + type + " to subscribe to; one of " + ALL);
            }
        }
        return ALL.stream().filter(wanted::contains).toList();
    }
}
