package io.unimember.points.expiry;

import io.unimember.points.PointsProperties;
import io.unimember.points.ledger.Ledger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires lots whose date has come. Safe to run twice and on several instances at once: each member is expired under
 * their balance lock, and a run that finds the lots already expired does nothing. Members are handled one per
 * transaction, so one member's trouble never holds up the rest.
 */
@Component
public class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Ledger ledger;
    private final MemberExpiry expiry;
    private final PointsProperties properties;

    ExpiryJob(Ledger ledger, MemberExpiry expiry, PointsProperties properties) {
        this.ledger = ledger;
        this.expiry = expiry;
        this.properties = properties;
    }

    /** Expires every due lot; returns how many points this run expired. */
    @Scheduled(
            fixedDelayString = "${unimember.points.expiry-every:PT10M}",
            initialDelayString = "${unimember.points.expiry-every:PT10M}")
    public long run() {
        long points = 0;
        int members = 0;
        while (true) {
            List<String> due = ledger.membersWithExpiredLots(properties.jobBatchSize());
            long before = points;
            for (String memberId : due) {
                try {
                    long expired = expiry.expire(memberId).map(e -> e.points()).orElse(0L);
                    points += expired;
                    members += expired > 0 ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("could not expire points of {}, will retry: {}", memberId, e.toString());
                }
            }
            if (due.size() < properties.jobBatchSize() || points == before) {
                break;
            }
        }
        if (points > 0) {
            log.info("expired {} points of {} members", points, members);
        }
        return points;
    }
}
