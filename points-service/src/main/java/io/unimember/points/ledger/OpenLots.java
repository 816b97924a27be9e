package io.unimember.points.ledger;

import io.unimember.common.events.ExpiringPoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A member's lots with points left, oldest expiry first, as read under the member's lock. Taking points consumes the
 * oldest lots first; the result says which lots gave how much, so the change can be written and its issuing BUs
 * charged. Their remaining points add up to the member's available balance.
 */
final class OpenLots {

    static final class Lot {
        final long id;
        final String bu;
        final Instant expiresAt;
        long remaining;

        Lot(long id, String bu, Instant expiresAt, long remaining) {
            this.id = id;
            this.bu = bu;
            this.expiresAt = expiresAt;
            this.remaining = remaining;
        }
    }

    private static final Comparator<Lot> OLDEST_FIRST =
            Comparator.comparing((Lot l) -> l.expiresAt).thenComparingLong(l -> l.id);

    private final List<Lot> lots;

    OpenLots(List<Lot> lots) {
        this.lots = new ArrayList<>(lots);
        this.lots.sort(OLDEST_FIRST);
    }

    long total() {
        return lots.stream().mapToLong(l -> l.remaining).sum();
    }

    /** Takes points oldest lot first, lots matching {@code preferred} before all others; never more than there is. */
    List<Allocation> take(long points, Predicate<Lot> preferred) {
        List<Allocation> taken = new ArrayList<>();
        long left = points;
        for (boolean preferredPass : new boolean[] {true, false}) {
            for (Lot lot : lots) {
                if (left == 0) {
                    return taken;
                }
                if (preferred.test(lot) != preferredPass || lot.remaining == 0) {
                    continue;
                }
                long share = Math.min(left, lot.remaining);
                lot.remaining -= share;
                left -= share;
                taken.add(new Allocation(lot.id, lot.bu, lot.expiresAt, share));
            }
        }
        if (left > 0) {
            throw new IllegalStateException("lots hold fewer points than asked for: " + points);
        }
        return taken;
    }

    List<Allocation> takeOldest(long points) {
        return take(points, lot -> false);
    }

    /** Takes everything from the lots whose expiry has come. */
    List<Allocation> takeExpired(Instant now) {
        List<Allocation> taken = new ArrayList<>();
        for (Lot lot : lots) {
            if (!lot.expiresAt.isAfter(now) && lot.remaining > 0) {
                taken.add(new Allocation(lot.id, lot.bu, lot.expiresAt, lot.remaining));
                lot.remaining = 0;
            }
        }
        return taken;
    }

    /** Records points credited to a lot (an existing one, or one just created or reopened). */
    void credit(long lotId, String bu, Instant expiresAt, long points) {
        for (Lot lot : lots) {
            if (lot.bu.equals(bu) && lot.expiresAt.equals(expiresAt)) {
                lot.remaining += points;
                return;
            }
        }
        lots.add(new Lot(lotId, bu, expiresAt, points));
        lots.sort(OLDEST_FIRST);
    }

    /** The open lot holding a BU's points of one expiry, if there is one. */
    java.util.Optional<Lot> find(String bu, Instant expiresAt) {
        return lots.stream()
                .filter(l -> l.bu.equals(bu) && l.expiresAt.equals(expiresAt))
                .findFirst();
    }

    /** The next expiry dates with the points that expire on each, soonest first. */
    List<ExpiringPoints> expiring(int limit) {
        Map<Instant, Long> byExpiry = new LinkedHashMap<>();
        for (Lot lot : lots) {
            if (lot.remaining > 0) {
                byExpiry.merge(lot.expiresAt, lot.remaining, Long::sum);
            }
        }
        return byExpiry.entrySet().stream()
                .limit(limit)
                .map(e -> new ExpiringPoints(e.getValue(), e.getKey()))
                .toList();
    }
}
