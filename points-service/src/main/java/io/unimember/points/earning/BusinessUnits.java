package io.unimember.points.earning;

import io.unimember.common.web.ApiException;
import io.unimember.points.PointsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The known business units and their rates, read from the {@code business_unit} table and cached briefly: a rate
 * changed in the table applies within {@code business-unit-cache-ttl}, without a deploy.
 */
@Component
public class BusinessUnits {

    private record Cached(BusinessUnit unit, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PointsProperties properties;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    BusinessUnits(JdbcClient jdbc, Clock clock, PointsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** The BU a token names; a token for a BU we do not know may not report orders or take points. */
    public BusinessUnit require(String code) {
        return find(code)
                .orElseThrow(() -> ApiException.forbidden("UNKNOWN_BU", "the token's business unit is not known here"));
    }

    public Optional<BusinessUnit> find(String code) {
        Instant now = clock.instant();
        Cached cached = cache.get(code);
        if (cached != null
                && !now.isAfter(cached.loadedAt().plus(properties.businessUnitCacheTtl()))
                && !now.isBefore(cached.loadedAt())) {
            return Optional.of(cached.unit());
        }
        Optional<BusinessUnit> loaded = load(code);
        loaded.ifPresentOrElse(unit -> cache.put(code, new Cached(unit, now)), () -> cache.remove(code));
        return loaded;
    }

    private Optional<BusinessUnit> load(String code) {
        if (code.length() > 32) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code, name, points_per_yuan_bp, growth_per_yuan_bp FROM business_unit"
                        + " WHERE code = ? AND active = 1")
                .param(code)
                .query((rs, n) -> new BusinessUnit(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("points_per_yuan_bp"),
                        rs.getInt("growth_per_yuan_bp")))
                .optional();
    }
}
