package io.unimember.tier.paidmembership;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's row in {@code membership}: the plan, its current period's end, whether it renews itself, the paid
 * purchase that period belongs to, and the version of the last membership event about them. A NONE membership has no
 * plan, period or purchase; its first payment sets them all, and every later change keeps a plan and a period.
 */
record PaidMembership(
        String memberId,
        @Nullable String planCode,
        Status status,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        boolean autoRenew,
        @Nullable String purchaseId,
        long version) {

    enum Status {
        NONE,
        ACTIVE,
        LAPSED,
        REFUNDED
    }

    static PaidMembership none(String memberId) {
        return new PaidMembership(memberId, null, Status.NONE, null, null, false, null, 0);
    }

    /**
     * Whether its benefits hold at {@code now}: active and before its end, or, while an unpaid renewal may still be
     * paid, within the grace after it. (The job that lapses it only makes this visible to others.)
     */
    boolean activeAt(Instant now, Duration grace) {
        if (status != Status.ACTIVE || endsAt == null) {
            return false;
        }
        return now.isBefore(autoRenew ? endsAt.plus(grace) : endsAt);
    }

    /** The plan of a membership that has been paid for: only a NONE one has none. */
    String planCodeOrThrow() {
        return present(planCode, "plan");
    }

    /** The start of a membership that has been paid for: only a NONE one has none. */
    Instant startsAtOrThrow() {
        return present(startsAt, "start");
    }

    /** The end of a membership that has been paid for: only a NONE one has none. */
    Instant endsAtOrThrow() {
        return present(endsAt, "end");
    }

    /** The paid purchase of an ACTIVE membership, whose period ends at its end. */
    String purchaseIdOrThrow() {
        return present(purchaseId, "paid purchase");
    }

    private <T> T present(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalStateException("the " + status + " membership of " + memberId + " has no " + what);
        }
        return value;
    }

    PaidMembership activated(String plan, Instant start, Instant end, String purchase) {
        return new PaidMembership(memberId, plan, Status.ACTIVE, start, end, true, purchase, version + 1);
    }

    PaidMembership renewedTo(Instant end, String purchase) {
        return new PaidMembership(memberId, planCode, status, startsAt, end, autoRenew, purchase, version + 1);
    }

    /** Something about it that others project changed (a counted use): the next event's version. */
    PaidMembership touched() {
        return new PaidMembership(memberId, planCode, status, startsAt, endsAt, autoRenew, purchaseId, version + 1);
    }

    PaidMembership cancelled() {
        return new PaidMembership(memberId, planCode, status, startsAt, endsAt, false, purchaseId, version + 1);
    }

    PaidMembership ended(Status to, Instant at, @Nullable String purchase) {
        return new PaidMembership(memberId, planCode, to, startsAt, at, false, purchase, version + 1);
    }

    /** A refunded renewal paid ahead: the membership ends where that renewal would have begun, and renews no more. */
    PaidMembership shortenedTo(Instant end, @Nullable String purchase) {
        return new PaidMembership(memberId, planCode, status, startsAt, end, false, purchase, version + 1);
    }
}
