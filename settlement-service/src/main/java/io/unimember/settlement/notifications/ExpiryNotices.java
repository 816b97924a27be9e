package io.unimember.settlement.notifications;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.settlement.SqlTimes;
import io.unimember.settlement.notifications.Message.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily job of notices about what is about to end: points expiring within 30 and within 7 days (a notice per
 * lot expiry and window), coupons about to expire, a tier at risk before its retention ends (growth below the tier's
 * threshold), and a tier kept after it ended. Each notice once (the inbox's unique keys), so a second run, on this
 * instance or another, tells no one twice; the lease keeps two from running at once.
 */
@Component
class ExpiryNotices {

    static final String JOB = "notifications.expiry";
    private static final Logger log = LoggerFactory.getLogger(ExpiryNotices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final JdbcClient jdbc;
    private final JobLease lease;
    private final Notifications notifications;
    private final NotificationProperties properties;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    ExpiryNotices(
            JdbcClient jdbc,
            JobLease lease,
            Notifications notifications,
            NotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${unimember.notifications.job-cron:0 0 10 * * *}", zone = "Asia/Shanghai")
    void daily() {
        run();
    }

    /** Runs the job if no other instance holds it; answers how many members were told something, or -1 if held. */
    int run() {
        Instant now = clock.instant();
        if (!lease.acquire(JOB, holder, now, now.plus(properties.jobLease()))) {
            return -1;
        }
        try {
            int told = points(now) + coupons(now) + tiers(now);
            log.info("expiry notices: {} told", told);
            return told;
        } finally {
            lease.release(JOB, holder);
        }
    }

    private record Lot(String memberId, Instant expiresAt, long points) {}

    private int points(Instant now) {
        int[] days = properties.pointsNoticeDays();
        Instant horizon = now.plus(Duration.ofDays(days[0]));
        BatchDrain drain = new BatchDrain(JOB + ".points", 500);
        return drain.walk(
                new Lot("", Instant.EPOCH, 0),
                (last, limit) -> jdbc.sql(
                                """
                                SELECT member_id, expires_at, points FROM notification_expiring_points
                                WHERE expires_at > ? AND expires_at <= ? AND (member_id, expires_at) > (?, ?)
                                ORDER BY member_id, expires_at LIMIT ?
                                """)
                        .params(
                                SqlTimes.utc(now),
                                SqlTimes.utc(horizon),
                                last.memberId(),
                                SqlTimes.utc(last.expiresAt()),
                                limit)
                        .query((rs, row) -> new Lot(
                                rs.getString("member_id"),
                                rs.getTimestamp("expires_at").toInstant(),
                                rs.getLong("points")))
                        .list(),
                lot -> {
                    int window = window(days, Duration.between(now, lot.expiresAt()));
                    Kind kind = window <= days[days.length - 1] ? Kind.POINTS_EXPIRING_7D : Kind.POINTS_EXPIRING_30D;
                    String day = DAY.format(lot.expiresAt().atZone(properties.zone()));
                    return notifications.tell(
                            lot.memberId(),
                            kind,
                            "points:" + lot.expiresAt(),
                            lot.points() + " 积分即将过期",
                            lot.points() + " points expire on " + day + " (within " + window
                                    + " days): spend them first.");
                });
    }

    /** The shortest notice window (days) that {@code left} falls in. */
    private static int window(int[] days, Duration left) {
        int window = days[0];
        for (int d : days) {
            if (left.compareTo(Duration.ofDays(d)) <= 0) {
                window = Math.min(window, d);
            }
        }
        return window;
    }

    private record Coupon(String couponId, String memberId, String name, Instant expiresAt) {}

    private int coupons(Instant now) {
        List<Coupon> due = jdbc.sql(
                        """
                        SELECT coupon_id, member_id, name, expires_at FROM notification_coupon
                        WHERE expires_at > ? AND expires_at <= ? ORDER BY member_id, expires_at
                        """)
                .params(SqlTimes.utc(now), SqlTimes.utc(now.plus(properties.couponNotice())))
                .query((rs, row) -> new Coupon(
                        rs.getString("coupon_id"),
                        rs.getString("member_id"),
                        rs.getString("name"),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
        int told = 0;
        for (Coupon c : due) {
            if (notifications.tell(
                    c.memberId(),
                    Kind.COUPON_EXPIRING,
                    "coupon:" + c.couponId(),
                    "神券即将过期",
                    c.name() + " expires on " + DAY.format(c.expiresAt().atZone(properties.zone())) + ".")) {
                told++;
            }
        }
        return told;
    }

    private record Standing(String memberId, String tier, long growth, Instant retainedUntil) {}

    private int tiers(Instant now) {
        List<Standing> ending = jdbc.sql(
                        """
                        SELECT member_id, tier, growth, retained_until FROM notification_tier
                        WHERE retained_until > ? AND retained_until <= ?
                        """)
                .params(
                        SqlTimes.utc(now.minus(properties.tierAtRisk())),
                        SqlTimes.utc(now.plus(properties.tierAtRisk())))
                .query((rs, row) -> new Standing(
                        rs.getString("member_id"),
                        rs.getString("tier"),
                        rs.getLong("growth"),
                        rs.getTimestamp("retained_until").toInstant()))
                .list();
        int told = 0;
        for (Standing s : ending) {
            @Nullable Long threshold = properties.threshold(s.tier());
            if (threshold == null) {
                continue;
            }
            boolean keeps = s.growth() >= threshold;
            String ref = "tier:" + s.tier() + ":" + s.retainedUntil();
            String day = DAY.format(s.retainedUntil().atZone(properties.zone()));
            boolean said;
            if (s.retainedUntil().isAfter(now) && !keeps) {
                said = notifications.tell(
                        s.memberId(),
                        Kind.TIER_AT_RISK,
                        ref,
                        "等级保级提醒",
                        "Your " + s.tier() + " is kept to " + day + "; " + (threshold - s.growth())
                                + " more growth keeps it after.");
            } else if (!s.retainedUntil().isAfter(now) && keeps) {
                said = notifications.tell(
                        s.memberId(), Kind.TIER_KEPT, ref, "保级成功", "You keep " + s.tier() + ": well done.");
            } else {
                said = false;
            }
            if (said) {
                told++;
            }
        }
        return told;
    }
}
