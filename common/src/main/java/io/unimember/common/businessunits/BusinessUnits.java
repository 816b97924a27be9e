package io.unimember.common.businessunits;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The business-unit codes of a service's {@code business_unit} table, held in memory so that checking a code (a BU
 * named in a request, a scene) costs no database round trip, and re-read every minute so that a new BU is a row, not
 * a release. A service registers one as a bean; a failed re-read keeps the codes it has.
 *
 * <p>A BU code doubles as a scene (where a benefit is used), unless the table marks which rows are scenes: coupon's
 * PLATFORM funds coupons but is no scene ({@link #scenesMarkedBy}).
 */
public class BusinessUnits {

    private static final Logger log = LoggerFactory.getLogger(BusinessUnits.class);

    private record Snapshot(Set<String> codes, Set<String> scenes) {}

    private record Row(String code, boolean scene) {}

    private final JdbcClient jdbc;
    private final String query;
    private volatile @Nullable Snapshot snapshot;

    private BusinessUnits(JdbcClient jdbc, String sceneExpression) {
        this.jdbc = jdbc;
        this.query = "SELECT code, " + sceneExpression + " FROM business_unit";
    }

    /** Every business unit is a scene. */
    public static BusinessUnits everyOneAScene(JdbcClient jdbc) {
        return new BusinessUnits(jdbc, "TRUE");
    }

    /** The rows whose boolean {@code column} is true are scenes; the others are business units all the same. */
    public static BusinessUnits scenesMarkedBy(JdbcClient jdbc, String column) {
        return new BusinessUnits(jdbc, column);
    }

    /** A code of the table (for coupon, one that may fund a coupon: any BU, or PLATFORM). */
    public boolean exists(String code) {
        return current().codes().contains(code);
    }

    /** A code where benefits are used. */
    public boolean isScene(String code) {
        return current().scenes().contains(code);
    }

    public Set<String> codes() {
        return current().codes();
    }

    /** Reads the table again now: the service that just added a business unit uses it from its next request. */
    public void reload() {
        snapshot = load();
    }

    @Scheduled(fixedDelayString = "${unimember.business-units.reload-every:PT1M}")
    void scheduledReload() {
        try {
            snapshot = load();
        } catch (DataAccessException e) {
            log.warn("could not reload business units, keeping {}: {}", snapshot, e.getMessage());
        }
    }

    /** The codes read last; read now if they were never read or the table was empty then. */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.codes().isEmpty()) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        var rows = jdbc.sql(query)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2)))
                .list();
        return new Snapshot(
                rows.stream().map(Row::code).collect(Collectors.toUnmodifiableSet()),
                rows.stream().filter(Row::scene).map(Row::code).collect(Collectors.toUnmodifiableSet()));
    }
}
