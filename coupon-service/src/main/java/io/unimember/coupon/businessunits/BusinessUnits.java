package io.unimember.coupon.businessunits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The business units from the {@code business_unit} table, so a new BU is a row, not a release. Read often (every
 * scene check) and changed rarely, so it is kept in memory and re-read after {@code refreshEvery}.
 */
@Component
public class BusinessUnits {

    private record Snapshot(Set<String> scenes, Set<String> funders, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration refreshEvery;
    private volatile Snapshot snapshot;

    BusinessUnits(
            JdbcClient jdbc,
            Clock clock,
            @Value("${unimember.coupon.business-units.refresh-every:PT1M}") Duration refreshEvery) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
        this.snapshot = new Snapshot(Set.of(), Set.of(), Instant.EPOCH);
    }

    /** A BU code where coupons can be used (PLATFORM is not one). */
    public boolean isScene(String code) {
        return current().scenes().contains(code);
    }

    /** A party that may fund a coupon: any BU, or PLATFORM. */
    public boolean canFund(String code) {
        return current().funders().contains(code);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s.loadedAt().plus(refreshEvery).isBefore(now)) {
            s = load(now);
            snapshot = s;
        }
        return s;
    }

    private Snapshot load(Instant now) {
        record Row(String code, boolean scene) {}
        var rows = jdbc.sql("SELECT code, is_scene FROM business_unit")
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2)))
                .list();
        return new Snapshot(
                rows.stream().filter(Row::scene).map(Row::code).collect(Collectors.toUnmodifiableSet()),
                rows.stream().map(Row::code).collect(Collectors.toUnmodifiableSet()),
                now);
    }
}
