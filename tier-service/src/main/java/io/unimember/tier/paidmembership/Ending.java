package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipCancelled;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a membership goes on or ends without a refund: the member cancels (auto-renew off, active to the end); the
 * renewal purchase is opened ahead of the end for the paying BU to charge; an unpaid renewal lapses after the grace,
 * a cancelled membership at its end. Each step locks the member's row and re-checks, so the job running on several
 * instances at once, or twice, does each once.
 */
@Service
class Ending {

    private final PaidMemberships memberships;
    private final Purchases purchases;
    private final Buying buying;
    private final EventPublisher events;
    private final PaidMembershipProperties properties;
    private final Clock clock;

    Ending(
            PaidMemberships memberships,
            Purchases purchases,
            Buying buying,
            EventPublisher events,
            PaidMembershipProperties properties,
            Clock clock) {
        this.memberships = memberships;
        this.purchases = purchases;
        this.buying = buying;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Turns auto-renew off and voids an open renewal; cancelling again changes nothing. */
    @Transactional
    public void cancel(String memberId) {
        Instant now = now();
        PaidMembership m = memberships.lock(memberId).orElse(PaidMembership.none(memberId));
        if (!m.activeAt(now, properties.grace())) {
            throw ApiException.conflict("MEMBERSHIP_NOT_ACTIVE", "there is no active membership to cancel");
        }
        if (!m.autoRenew()) {
            return;
        }
        purchases.voidOpen(memberId);
        m = m.cancelled();
        memberships.save(m, now);
        events.publish(new MembershipCancelled(memberId, m.planCodeOrThrow(), m.endsAtOrThrow(), m.version()));
    }

    /**
     * Opens the renewal purchase of a renewing membership near its end. Its id is derived from the member and the
     * end, so two instances opening it at once open one (the second finds it open, or its insert collides).
     */
    @Transactional
    public boolean openRenewal(String memberId) {
        Instant now = now();
        PaidMembership m = memberships.lock(memberId).orElse(null);
        if (m == null || !m.autoRenew() || !m.activeAt(now, properties.grace())) {
            return false;
        }
        Instant end = m.endsAtOrThrow();
        if (now.isBefore(end.minus(properties.renewAhead()))
                || !purchases.open(memberId).isEmpty()) {
            return false;
        }
        String id = "renewal-" + UUID.nameUUIDFromBytes((memberId + "@" + end).getBytes(StandardCharsets.UTF_8));
        buying.purchase(memberId, id, m.planCodeOrThrow());
        return true;
    }

    /** Ends a membership that is over; true if this call ended it. */
    @Transactional
    public boolean lapse(String memberId) {
        Instant now = now();
        PaidMembership m = memberships.lock(memberId).orElse(null);
        if (m == null || m.status() != PaidMembership.Status.ACTIVE || m.activeAt(now, properties.grace())) {
            return false;
        }
        String reason = m.autoRenew() ? "RENEWAL_UNPAID" : "ENDED";
        purchases.voidOpen(memberId);
        Instant end = m.endsAtOrThrow();
        m = m.ended(PaidMembership.Status.LAPSED, end, m.purchaseId());
        memberships.save(m, now);
        events.publish(new MembershipLapsed(memberId, m.planCodeOrThrow(), end, reason, m.version()));
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
