package io.unimember.coupon.membershippacks;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each month of a paid membership, its coupons: every member whose membership runs now and whose month is not issued
 * yet, one transaction each. Scheduled daily, so a month whose 1st the service missed is still issued, and safe on
 * several instances (the month's claim row).
 */
@Service
class MonthlyPacks {

    private static final Logger log = LoggerFactory.getLogger(MonthlyPacks.class);

    private final MembershipPacks packs;
    private final PackIssuing issuing;
    private final TransactionTemplate tx;
    private final BatchDrain members;
    private final ZoneId zone;
    private final Clock clock;

    MonthlyPacks(
            MembershipPacks packs,
            PackIssuing issuing,
            TransactionTemplate tx,
            @Value("${unimember.coupon.allotment.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${unimember.coupon.allotment.page-size:500}") int pageSize,
            Clock clock) {
        this.packs = packs;
        this.issuing = issuing;
        this.tx = tx;
        this.members = new BatchDrain("membership-packs", pageSize);
        this.zone = zone;
        this.clock = clock;
    }

    @Scheduled(cron = "${unimember.coupon.membership-packs.cron:0 15 0 * * *}", zone = "Asia/Shanghai")
    void daily() {
        log.info("membership packs: {} members issued", run());
    }

    /** Issues the current month to every member due; returns how many members this run issued. */
    int run() {
        return run(Times.now(clock));
    }

    /** Issues the month of {@code now} to every member whose membership runs then (a later month, for a test). */
    int run(Instant now) {
        String month = YearMonth.from(now.atZone(zone)).toString();
        return members.walk(
                "",
                (after, limit) -> packs.dueFor(month, now, after, limit),
                memberId -> Boolean.TRUE.equals(tx.execute(status -> packs.find(memberId)
                        .map(p -> issuing.issue(p, month, now) >= 0)
                        .orElse(false))));
    }
}
