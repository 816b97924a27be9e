package io.unimember.member.entitlements;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings Redis back in line after an outage: rewrites the view of every member queued while Redis was away (by any
 * instance), and only then lets this instance read the cache again, so no stale view is served after Redis returns.
 */
@Component
class CacheRepair {

    private static final Logger log = LoggerFactory.getLogger(CacheRepair.class);
    private static final int BATCH = 200;

    private final ViewCache cache;
    private final RepairQueue repairs;
    private final ViewRepository views;

    CacheRepair(ViewCache cache, RepairQueue repairs, ViewRepository views) {
        this.cache = cache;
        this.repairs = repairs;
        this.views = views;
    }

    @Scheduled(fixedDelayString = "${unimember.entitlements.repair-every:PT1S}")
    void repair() {
        try {
            switch (cache.state()) {
                case DEGRADED -> {
                    if (cache.ping()) {
                        cache.markRecovering();
                    }
                }
                case RECOVERING -> {
                    // changes still committing with a queued repair would be missed by a drain now
                    if (!cache.queuing() && drain() && repairs.isEmpty()) {
                        cache.markHealthy();
                    }
                }
                case HEALTHY -> drain();
            }
        } catch (DataAccessException e) {
            log.warn("cache repair could not read MySQL, will retry: {}", e.getMessage());
        }
    }

    /** Rewrites queued members until the queue is empty; false if Redis failed on the way. */
    boolean drain() {
        List<RepairQueue.Entry> batch;
        int repaired = 0;
        do {
            batch = repairs.next(BATCH);
            for (RepairQueue.Entry entry : batch) {
                Optional<ViewRepository.Row> row = views.find(entry.memberId());
                long version = row.map(ViewRepository.Row::rowVersion).orElse(entry.rowVersion());
                if (row.isPresent()
                        && !cache.put(entry.memberId(), version, row.get().json())) {
                    return false;
                }
                repairs.remove(entry.memberId(), version);
                repaired++;
            }
        } while (batch.size() == BATCH);
        if (repaired > 0) {
            log.info("rewrote {} cached entitlement views Redis missed", repaired);
        }
        return true;
    }
}
