package io.unimember.insight.members;

import io.unimember.insight.events.InsightEvent;
import java.util.Arrays;

/**
 * Applies one event to a member's state. Orders and refunds are applied once by their ids (the outbox delivers at
 * least once); balances and tiers only when newer than the one held. Answers what the figures need to know of the
 * change.
 */
public final class MemberEvents {

    private static final int REFUNDS_REMEMBERED = 16;

    private final int maxOrdersKept;

    public MemberEvents(int maxOrdersKept) {
        this.maxOrdersKept = maxOrdersKept;
    }

    /** What an order did beyond the member: a first order (acquisition) or a first order in a further BU. */
    public record OrderOutcome(boolean applied, boolean firstOrder, boolean firstInBu) {
        static final OrderOutcome DUPLICATE = new OrderOutcome(false, false, false);
    }

    public void registered(MemberState s, int day) {
        s.registeredDay = day;
    }

    public OrderOutcome order(MemberState s, InsightEvent.OrderCompleted order, int day, int dormantDays) {
        long hash = hash(order.orderId());
        for (int i = 0; i < s.orders; i++) {
            if (s.orderHash[i] == hash) {
                return OrderOutcome.DUPLICATE;
            }
        }
        boolean first = s.lastOrderDay == MemberState.NONE;
        int bu = s.bus.indexOf(order.bu());
        boolean firstInBu = bu < 0;
        if (firstInBu) {
            s.bus.add(order.bu());
            bu = s.bus.size() - 1;
            s.lastOrderDayByBu = Arrays.copyOf(s.lastOrderDayByBu, s.bus.size());
            s.lastOrderDayByBu[bu] = MemberState.NONE;
        }
        if (!first && day - s.lastOrderDay > dormantDays) {
            s.wonBackDay = day;
        }
        s.lastOrderDayByBu[bu] = Math.max(s.lastOrderDayByBu[bu], day);
        s.lastOrderDay = first ? day : Math.max(s.lastOrderDay, day);
        s.firstOrderDay = first ? day : Math.min(s.firstOrderDay, day);
        add(s, hash, day, (byte) bu, order.amountFen());
        return new OrderOutcome(true, first, firstInBu && !first);
    }

    /** Applies a refund to its order; false when the order is unknown (older than a year) or the refund was seen. */
    public boolean refund(MemberState s, InsightEvent.OrderRefunded refund) {
        long refundHash = hash(refund.refundId());
        for (long seen : s.refundHashes) {
            if (seen == refundHash) {
                return false;
            }
        }
        long orderHash = hash(refund.orderId());
        for (int i = 0; i < s.orders; i++) {
            if (s.orderHash[i] == orderHash) {
                s.refundedFen[i] = Math.min(s.orderFen[i], s.refundedFen[i] + Math.max(0, refund.refundFen()));
                remember(s, refundHash);
                return true;
            }
        }
        return false;
    }

    /** Drops the orders outside the longest window (365 days up to {@code asOf}). */
    public void prune(MemberState s, int asOf) {
        int kept = 0;
        for (int i = 0; i < s.orders; i++) {
            if (asOf - s.orderDay[i] < 365) {
                move(s, i, kept++);
            }
        }
        s.orders = kept;
    }

    public boolean balance(MemberState s, InsightEvent.PointsBalance balance) {
        if (balance.version() <= s.pointsVersion) {
            return false;
        }
        s.pointsVersion = balance.version();
        s.pointsAvailable = balance.available();
        return true;
    }

    /** Sets the tier if the event is newer; answers the tier it replaced (null if none, or if not applied). */
    public boolean tier(MemberState s, InsightEvent.TierChanged change) {
        if (change.version() <= s.tierVersion && s.tier != null) {
            return false;
        }
        s.tierVersion = change.version();
        s.tier = change.tier();
        return true;
    }

    public void couponIssued(MemberState s) {
        s.couponsIssued++;
    }

    public void couponRedeemed(MemberState s, boolean redeemed) {
        s.couponsRedeemed = Math.max(0, s.couponsRedeemed + (redeemed ? 1 : -1));
    }

    private void add(MemberState s, long hash, int day, byte bu, long fen) {
        if (s.orders == s.orderHash.length) {
            if (s.orders >= maxOrdersKept) {
                dropOldest(s);
            } else {
                int size = Math.min(maxOrdersKept, s.orders * 2);
                s.orderHash = Arrays.copyOf(s.orderHash, size);
                s.orderDay = Arrays.copyOf(s.orderDay, size);
                s.orderBu = Arrays.copyOf(s.orderBu, size);
                s.orderFen = Arrays.copyOf(s.orderFen, size);
                s.refundedFen = Arrays.copyOf(s.refundedFen, size);
            }
        }
        int i = s.orders++;
        s.orderHash[i] = hash;
        s.orderDay[i] = day;
        s.orderBu[i] = bu;
        s.orderFen[i] = Math.max(0, fen);
        s.refundedFen[i] = 0;
    }

    private static void dropOldest(MemberState s) {
        int oldest = 0;
        for (int i = 1; i < s.orders; i++) {
            if (s.orderDay[i] < s.orderDay[oldest]) {
                oldest = i;
            }
        }
        move(s, s.orders - 1, oldest);
        s.orders--;
    }

    private static void move(MemberState s, int from, int to) {
        s.orderHash[to] = s.orderHash[from];
        s.orderDay[to] = s.orderDay[from];
        s.orderBu[to] = s.orderBu[from];
        s.orderFen[to] = s.orderFen[from];
        s.refundedFen[to] = s.refundedFen[from];
    }

    private static void remember(MemberState s, long refundHash) {
        long[] seen = s.refundHashes;
        if (seen.length < REFUNDS_REMEMBERED) {
            seen = Arrays.copyOf(seen, seen.length + 1);
        } else {
            System.arraycopy(seen, 1, seen, 0, seen.length - 1);
        }
        seen[seen.length - 1] = refundHash;
        s.refundHashes = seen;
    }

    /** A 64-bit FNV-1a hash of an id: collisions among one member's orders of a year are vanishingly unlikely. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
