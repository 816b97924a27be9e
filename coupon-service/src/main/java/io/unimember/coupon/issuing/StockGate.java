package io.unimember.coupon.issuing;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A Redis pre-gate in front of the template row. It only ever remembers what MySQL already decided for good (sold
 * out, budget exhausted, window closed: none of them can become untrue, as stock and budget only grow used), so
 * turning a claim away on its word is the answer MySQL would give, without the wait on the hot row. It is never the
 * record: an empty or unreachable Redis just sends every claim to MySQL, which decides.
 */
@Component
class StockGate {

    private static final Logger log = LoggerFactory.getLogger(StockGate.class);
    private static final String PREFIX = "coupon:template-exhausted:";

    private final StringRedisTemplate redis;
    private final IssuingProperties properties;
    private final Clock clock;
    private volatile long closedUntilMillis;

    StockGate(StringRedisTemplate redis, IssuingProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<Refusal> knownRefusal(String templateId) {
        if (!usable()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.opsForValue().get(PREFIX + templateId))
                    .map(Refusal::valueOf);
        } catch (RuntimeException e) {
            backOff(e);
            return Optional.empty();
        }
    }

    void remember(String templateId, Refusal refusal) {
        if (!refusal.isFinal() || !usable()) {
            return;
        }
        try {
            redis.opsForValue().set(PREFIX + templateId, refusal.name(), properties.gateTtl());
        } catch (RuntimeException e) {
            backOff(e);
        }
    }

    private boolean usable() {
        return properties.gateEnabled() && clock.millis() >= closedUntilMillis;
    }

    private void backOff(RuntimeException e) {
        closedUntilMillis = clock.millis() + properties.gateBackoff().toMillis();
        log.warn(
                "Redis stock gate unavailable, every claim goes to MySQL for {}: {}",
                properties.gateBackoff(),
                e.toString());
    }
}
