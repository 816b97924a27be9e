package io.unimember.member.entitlements;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.entitlements.EntitlementView;
import io.unimember.common.entitlements.LookupQuery;
import io.unimember.common.entitlements.StoredView;
import io.unimember.common.entitlements.ViewRenderer;
import io.unimember.common.web.FieldErrors;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entitlement lookups that reach member-service (the gateway answers the common case from Redis itself, decision
 * 0024): one Redis GET when the view is cached, MySQL when the view is not cached or Redis is away, a
 * default view for a member no event has mentioned; then filtering and discounts in memory. Timed per source as
 * {@code unimember.entitlement.lookup}.
 */
@Service
public class Entitlements {

    private final ViewCache cache;
    private final ViewRepository views;
    private final BusinessUnits businessUnits;
    private final JsonMapper json;
    private final EntitlementProperties properties;
    private final Clock clock;
    private final Timer fromRedis;
    private final Timer fromMysql;
    /** The last parsed view per member, reused while Redis returns the same version: saves the JSON parse. */
    private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(long version, StoredView view) {}

    private static final int MAX_PARSED = 50_000;

    Entitlements(
            ViewCache cache,
            ViewRepository views,
            BusinessUnits businessUnits,
            JsonMapper json,
            EntitlementProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.cache = cache;
        this.views = views;
        this.businessUnits = businessUnits;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.fromRedis = timer(meters, "redis");
        this.fromMysql = timer(meters, "mysql");
    }

    /** What a merchant's member read shows: the tier and the available points. */
    public record Summary(String tier, long pointsAvailable) {}

    /** The member's view for a scene (a BU code, or all scenes) and optionally a checkout amount. */
    public EntitlementView lookup(String memberId, @Nullable String scene, @Nullable Long amountFen) {
        check(scene, amountFen);
        long started = System.nanoTime();
        return rendered(load(memberId, cache.get(memberId)), scene, amountFen, started);
    }

    private void check(@Nullable String scene, @Nullable Long amountFen) {
        if (scene != null && !businessUnits.exists(scene)) {
            throw FieldErrors.invalid("scene", "unknown scene: not a business unit code");
        }
        if (amountFen != null && (amountFen < 0 || amountFen > LookupQuery.MAX_AMOUNT_FEN)) {
            throw FieldErrors.invalid("amountFen", "must be between 0 and " + LookupQuery.MAX_AMOUNT_FEN);
        }
    }

    private EntitlementView rendered(Loaded loaded, @Nullable String scene, @Nullable Long amountFen, long started) {
        EntitlementView view =
                ViewRenderer.render(loaded.view(), scene, amountFen, clock.instant(), properties.fenPerPoint());
        (loaded.cached() ? fromRedis : fromMysql).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return view;
    }

    public Summary summary(String memberId) {
        StoredView view = load(memberId, cache.get(memberId)).view();
        return new Summary(view.tier().code(), view.points().available());
    }

    private record Loaded(StoredView view, boolean cached) {}

    /** The view, from what Redis answered ({@code read}) or else from MySQL. */
    private Loaded load(String memberId, ViewCache.Read read) {
        if (read instanceof ViewCache.Read.Hit hit) {
            return new Loaded(parse(memberId, hit.version(), hit.json()), true);
        }
        boolean refill = read instanceof ViewCache.Read.Miss miss && miss.refillable();
        Optional<ViewRepository.Row> row = views.find(memberId);
        if (row.isPresent()) {
            if (refill) {
                cache.refill(memberId, row.get().rowVersion(), row.get().json());
            }
            return new Loaded(json.readValue(row.get().json(), StoredView.class), false);
        }
        StoredView initial =
                StoredView.initial(memberId, properties.defaultTier().state());
        if (refill) {
            // version 0: the first event's change (version 1) replaces it
            cache.refill(memberId, 0, json.writeValueAsString(initial));
        }
        return new Loaded(initial, false);
    }

    private StoredView parse(String memberId, long version, String text) {
        Parsed known = parsed.get(memberId);
        if (known != null && known.version() == version) {
            return known.view();
        }
        StoredView view = json.readValue(text, StoredView.class);
        if (parsed.size() >= MAX_PARSED) {
            parsed.clear();
        }
        parsed.put(memberId, new Parsed(version, view));
        return view;
    }

    private static Timer timer(MeterRegistry meters, String source) {
        return Timer.builder("unimember.entitlement.lookup")
                .description("entitlement view lookups, by where the view came from")
                .tag("source", source)
                .publishPercentileHistogram()
                .register(meters);
    }
}
