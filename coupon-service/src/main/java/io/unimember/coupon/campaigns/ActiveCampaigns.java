package io.unimember.coupon.campaigns;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The ACTIVE campaigns, kept in memory so that evaluating a batch of orders reads no campaign rows. At most every
 * {@code refresh} one cheap query (count, newest change) says whether another instance changed a campaign; a change
 * made here drops the copy at once. A campaign paused elsewhere may so act for up to {@code refresh} more: its
 * rewards stay bounded by its cap, the template and the subsidy pool, which the database decides.
 */
@Component
class ActiveCampaigns {

    private record Snapshot(String fingerprint, List<Campaign> campaigns, long checkedAtNanos) {}

    private final CampaignStore store;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    ActiveCampaigns(CampaignStore store, CampaignProperties properties) {
        this.store = store;
        this.refreshNanos = properties.refresh().toNanos();
        this.snapshot = new Snapshot("", List.of(), System.nanoTime() - refreshNanos - 1);
    }

    /** The active campaigns whose trigger an order fires. */
    List<Campaign> onOrders() {
        return current().stream().filter(c -> c.trigger().type().onOrders()).toList();
    }

    List<Campaign> current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (now - s.checkedAtNanos() <= refreshNanos) {
            return s.campaigns();
        }
        String fingerprint = store.fingerprint();
        if (fingerprint.equals(s.fingerprint())) {
            snapshot = new Snapshot(fingerprint, s.campaigns(), now);
            return s.campaigns();
        }
        List<Campaign> active = store.active();
        snapshot = new Snapshot(fingerprint, active, now);
        return active;
    }

    /** A campaign changed on this instance: the next evaluation reads them again. */
    void invalidate() {
        snapshot = new Snapshot("", List.of(), System.nanoTime() - refreshNanos - 1);
    }
}
