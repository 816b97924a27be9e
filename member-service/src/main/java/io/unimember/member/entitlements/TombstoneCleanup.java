package io.unimember.member.entitlements;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets redeemed and expired coupons once no late event for them can reasonably still arrive. */
@Component
class TombstoneCleanup {

    private static final Logger log = LoggerFactory.getLogger(TombstoneCleanup.class);
    private static final int BATCH = 1_000;

    private final CouponRepository coupons;
    private final EntitlementProperties properties;
    private final Clock clock;

    TombstoneCleanup(CouponRepository coupons, EntitlementProperties properties, Clock clock) {
        this.coupons = coupons;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void cleanup() {
        int deleted;
        int total = 0;
        do {
            deleted = coupons.deleteTombstones(clock.instant().minus(properties.tombstoneRetention()), BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("forgot {} redeemed or expired coupons", total);
        }
    }
}
