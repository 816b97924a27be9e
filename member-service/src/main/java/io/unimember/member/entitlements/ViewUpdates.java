package io.unimember.member.entitlements;

import io.unimember.common.entitlements.StoredView;
import io.unimember.common.events.CouponIssued;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.transactions.TransactionScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies events to a member's view, inside the inbox transaction of the event's batch. The member's row is locked
 * first, so the tier, points and coupon consumers change one member one after the other; a batch's events for one
 * member are applied to one copy, written once (one row update, one Redis write per member per batch); each source's version decides
 * whether an event is newer than what the view holds, so events applied out of order never move the view back.
 */
@Component
class ViewUpdates {

    private final ViewRepository views;
    private final CouponRepository coupons;
    private final ViewCache cache;
    private final JsonMapper json;
    private final EntitlementProperties properties;
    private final Clock clock;

    ViewUpdates(
            ViewRepository views,
            CouponRepository coupons,
            ViewCache cache,
            JsonMapper json,
            EntitlementProperties properties,
            Clock clock) {
        this.views = views;
        this.coupons = coupons;
        this.cache = cache;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    private record Current(StoredView view, ViewRepository.Versions versions) {}

    private record Next(StoredView view, ViewRepository.Versions versions) {}

    void consentsChanged(String memberId, List<String> merchantIds) {
        update(memberId, current -> {
            StoredView next = current.view().withConsents(merchantIds);
            return next.consents().equals(current.view().consents()) ? null : new Next(next, current.versions());
        });
    }

    void tierChanged(TierChanged e) {
        update(e.memberId(), current -> {
            ViewRepository.Versions v = current.versions();
            if (e.version() <= v.tierVersion()) {
                return null;
            }
            StoredView.TierState held = current.view().tier();
            // a newer growth event may have arrived first: keep its progress numbers
            boolean growthIsNewer = v.growthVersion() > e.version();
            var tier = new StoredView.TierState(
                    e.to(),
                    e.toName(),
                    growthIsNewer ? held.growth() : e.growth(),
                    growthIsNewer ? held.nextTier() : e.nextTier(),
                    growthIsNewer ? held.growthToNext() : e.growthToNext(),
                    e.pointsMultiplier(),
                    e.monthlyCoupons());
            return new Next(
                    current.view().withTier(tier),
                    new ViewRepository.Versions(
                            e.version(), Math.max(v.growthVersion(), e.version()), v.pointsVersion()));
        });
    }

    void growthChanged(TierGrowthChanged e) {
        update(e.memberId(), current -> {
            ViewRepository.Versions v = current.versions();
            if (e.version() <= v.growthVersion()) {
                return null;
            }
            StoredView.TierState held = current.view().tier();
            // names a tier whose tier.changed has not arrived: show the tier now, its benefits come with that event
            boolean newTier = !held.code().equals(e.tier()) && e.version() > v.tierVersion();
            var tier = new StoredView.TierState(
                    newTier ? e.tier() : held.code(),
                    newTier ? properties.tierName(e.tier()) : held.name(),
                    e.growth(),
                    e.nextTier(),
                    e.growthToNext(),
                    held.pointsMultiplier(),
                    held.monthlyCoupons());
            return new Next(
                    current.view().withTier(tier),
                    new ViewRepository.Versions(v.tierVersion(), e.version(), v.pointsVersion()));
        });
    }

    /** A membership event: applied only if newer than the membership the view holds (its own version). */
    void membershipChanged(DomainEvent event, Instant occurredAt) {
        update(event.memberId(), current -> {
            var held = current.view().membership();
            if (held != null && MembershipViews.versionOf(event) <= held.version()) {
                return null;
            }
            var next = MembershipViews.apply(held, event, occurredAt);
            return next == null ? null : new Next(current.view().withMembership(next), current.versions());
        });
    }

    /** Every points event carries the balance right after it; only a newer snapshot replaces the held one. */
    void pointsChanged(String memberId, PointsBalance balance) {
        update(memberId, current -> {
            ViewRepository.Versions v = current.versions();
            if (balance.version() <= v.pointsVersion()) {
                return null;
            }
            var points = new StoredView.PointsState(
                    balance.available(),
                    balance.frozen(),
                    balance.expiring() == null ? List.of() : List.copyOf(balance.expiring()));
            return new Next(
                    current.view().withPoints(points),
                    new ViewRepository.Versions(v.tierVersion(), v.growthVersion(), balance.version()));
        });
    }

    void couponIssued(CouponIssued e, Instant at) {
        var terms = new StoredView.CouponTerms(
                e.couponId(),
                e.name(),
                e.kind(),
                e.discountFen(),
                e.percentOff(),
                e.maxDiscountFen(),
                e.minSpendFen(),
                List.copyOf(e.scenes()),
                e.expiresAt(),
                false);
        couponChanged(e.memberId(), e.couponId(), held -> CouponState.issued(held, at), json.writeValueAsString(terms));
    }

    void couponLocked(String memberId, String couponId, String lockId, Instant at) {
        couponChanged(memberId, couponId, held -> CouponState.locked(held, lockId, at), null);
    }

    void couponReleased(String memberId, String couponId, String lockId, Instant at) {
        couponChanged(memberId, couponId, held -> CouponState.released(held, lockId, at), null);
    }

    void couponReturned(String memberId, String couponId, Instant at) {
        couponChanged(memberId, couponId, held -> CouponState.returned(held, at), null);
    }

    void couponFinished(String memberId, String couponId, CouponState.Status end, Instant at) {
        couponChanged(memberId, couponId, held -> CouponState.finished(held, end, at), null);
    }

    private void couponChanged(
            String memberId,
            String couponId,
            Function<@Nullable CouponState, @Nullable CouponState> transition,
            @Nullable String termsJson) {
        update(memberId, current -> {
            Optional<CouponRepository.Stored> stored = coupons.find(couponId);
            if (stored.isPresent() && !stored.get().memberId().equals(memberId)) {
                return null; // another member's coupon: not ours to change
            }
            CouponState next =
                    transition.apply(stored.map(CouponRepository.Stored::state).orElse(null));
            if (next == null) {
                return null;
            }
            coupons.save(couponId, memberId, next, termsJson, clock.instant());
            return new Next(current.view().withCoupons(visibleCoupons(memberId)), current.versions());
        });
    }

    private List<StoredView.CouponTerms> visibleCoupons(String memberId) {
        return coupons.visible(memberId).stream()
                .map(c -> json.readValue(c.termsJson(), StoredView.CouponTerms.class)
                        .withLocked(c.status() == CouponState.Status.LOCKED))
                .sorted(Comparator.comparing(StoredView.CouponTerms::expiresAt)
                        .thenComparing(StoredView.CouponTerms::couponId))
                .toList();
    }

    /** One event's change to one member's view. */
    record Change(String memberId, Runnable apply) {}

    /** A batch's changes: its members' views locked (and made) together, then each change in order. */
    void applyAll(List<Change> changes) {
        prepare(changes.stream().map(Change::memberId).toList());
        changes.forEach(c -> c.apply().run());
    }

    /**
     * Locks (and makes, where missing) the views of a batch's members at once, two statements for all of them, so
     * the batch's changes find them held. Members this transaction holds already are left as they are.
     */
    private void prepare(Collection<String> memberIds) {
        Map<String, Held> held = pending();
        Map<String, String> initial = new HashMap<>();
        for (String id : memberIds) {
            if (!held.containsKey(id)) {
                initial.putIfAbsent(id, initialJson(id));
            }
        }
        if (initial.isEmpty()) {
            return;
        }
        views.lockOrCreateAll(initial, clock.instant()).forEach((id, row) -> held.put(id, held(id, row)));
    }

    /**
     * Applies {@code change} to the member's view as this transaction holds it: the row is locked and read on the
     * transaction's first change of the member, later changes (a batch of events) work on the held copy, and each
     * changed view is written once, with one cache write after the commit, just before the transaction commits.
     */
    private void update(String memberId, Function<Current, @Nullable Next> change) {
        Held held = pending().computeIfAbsent(memberId, this::lock);
        Next next = change.apply(held.current);
        if (next == null) {
            return; // older than what the view holds, or no change
        }
        held.current = new Current(next.view(), next.versions());
        held.changed = true;
    }

    private Held lock(String memberId) {
        return held(memberId, views.lockOrCreate(memberId, initialJson(memberId), clock.instant()));
    }

    private String initialJson(String memberId) {
        return json.writeValueAsString(
                StoredView.initial(memberId, properties.defaultTier().state()));
    }

    private Held held(String memberId, ViewRepository.Row row) {
        return new Held(
                memberId,
                new Current(
                        json.readValue(row.json(), StoredView.class),
                        new ViewRepository.Versions(row.tierVersion(), row.growthVersion(), row.pointsVersion())),
                row.rowVersion());
    }

    /** The views this transaction changed, written just before it commits. */
    private Map<String, Held> pending() {
        Map<String, Held> held = TransactionScoped.get(this, LinkedHashMap::new, views -> write(views.values()));
        if (held == null) {
            throw new IllegalStateException("views change inside the transaction of the event that changes them");
        }
        return held;
    }

    private void write(Collection<Held> held) {
        List<ViewRepository.Write> writes = new ArrayList<>();
        for (Held h : held) {
            if (h.changed) {
                writes.add(new ViewRepository.Write(
                        h.memberId, json.writeValueAsString(h.current.view()), h.current.versions(), h.rowVersion + 1));
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        views.saveAll(writes, clock.instant());
        writes.forEach(w -> cache.replaceAfterCommit(w.memberId(), w.rowVersion(), w.json()));
    }

    private static final class Held {
        final String memberId;
        final long rowVersion;
        Current current;
        boolean changed;

        Held(String memberId, Current current, long rowVersion) {
            this.memberId = memberId;
            this.current = current;
            this.rowVersion = rowVersion;
        }
    }
}
