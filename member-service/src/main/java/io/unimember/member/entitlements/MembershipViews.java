package io.unimember.member.entitlements;

import io.unimember.common.entitlements.StoredView.MembershipState;
import io.unimember.common.entitlements.StoredView.MembershipState.Counted;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipBenefitUsed;
import io.unimember.common.events.MembershipCancelled;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.MembershipTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a membership event makes of the view's membership: activation and renewal bring the period and its counted
 * allowances with the month's uses as tier-service counted them (an older event without them: none on activation,
 * the held ones on renewal), a use updates one benefit's count, lapse and
 * refund end it (a refunded renewal paid ahead shortens it instead). Pure: the version check is the caller's.
 */
final class MembershipViews {

    private MembershipViews() {}

    static long versionOf(DomainEvent event) {
        return switch (event) {
            case MembershipActivated a -> a.version();
            case MembershipRenewed r -> r.version();
            case MembershipCancelled c -> c.version();
            case MembershipLapsed l -> l.version();
            case MembershipRefunded r -> r.version();
            case MembershipBenefitUsed u -> u.version();
            default -> throw new IllegalArgumentException("not a membership event: " + event);
        };
    }

    /**
     * The view's membership after {@code event}, published at {@code occurredAt}. A refund ends it, unless it refunded
     * a renewal paid ahead: then the membership runs on to the renewal's start ({@code endsAt} still ahead), and its
     * lapse at that end hides it.
     */
    static @Nullable MembershipState apply(@Nullable MembershipState held, DomainEvent event, Instant occurredAt) {
        long version = versionOf(event);
        return switch (event) {
            case MembershipActivated a -> period(null, a.terms(), version);
            case MembershipRenewed r -> period(held, r.terms(), version);
            case MembershipCancelled c -> held == null ? null : with(held, held.counted(), held.running(), version);
            case MembershipLapsed l -> held == null ? null : with(held, held.counted(), false, version);
            case MembershipRefunded r ->
                held == null
                        ? null
                        : new MembershipState(
                                held.planCode(),
                                held.planName(),
                                r.endsAt(),
                                held.counted(),
                                r.endsAt().isAfter(occurredAt),
                                version);
            case MembershipBenefitUsed u -> held == null ? null : with(held, used(held.counted(), u), true, version);
            default -> held;
        };
    }

    private static MembershipState period(@Nullable MembershipState held, MembershipTerms terms, long version) {
        List<Counted> counted = new ArrayList<>();
        for (MembershipTerms.Counted c : terms.counted()) {
            Instant monthStart = c.monthStart();
            Instant monthEnd = c.monthEnd();
            if (monthStart != null && monthEnd != null) {
                // the event says what the month has used: tier-service counted it when the period was paid
                counted.add(new Counted(c.benefit(), c.perMonth(), c.used(), monthStart, monthEnd));
                continue;
            }
            Counted before = held == null
                    ? null
                    : held.counted().stream()
                            .filter(h -> h.benefit().equals(c.benefit()))
                            .findFirst()
                            .orElse(null);
            counted.add(
                    before == null
                            ? new Counted(c.benefit(), c.perMonth(), 0, null, null)
                            : new Counted(
                                    c.benefit(), c.perMonth(), before.used(), before.monthStart(), before.monthEnd()));
        }
        return new MembershipState(terms.planCode(), terms.planName(), terms.endsAt(), counted, true, version);
    }

    private static List<Counted> used(List<Counted> counted, MembershipBenefitUsed u) {
        List<Counted> next = new ArrayList<>();
        boolean found = false;
        for (Counted c : counted) {
            if (c.benefit().equals(u.benefit())) {
                next.add(new Counted(c.benefit(), u.perMonth(), u.used(), u.monthStart(), u.monthEnd()));
                found = true;
            } else {
                next.add(c);
            }
        }
        if (!found) {
            next.add(new Counted(u.benefit(), u.perMonth(), u.used(), u.monthStart(), u.monthEnd()));
        }
        return next;
    }

    private static MembershipState with(MembershipState held, List<Counted> counted, boolean running, long version) {
        return new MembershipState(held.planCode(), held.planName(), held.endsAt(), counted, running, version);
    }
}
