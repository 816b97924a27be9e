package io.unimember.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move: it keeps ticking with the system clock, shifted by an offset tests set, so time still passes
 * inside a test that travelled to another month.
 */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code instant}, and keeps ticking from there. */
    public void travelTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("points-service works in UTC instants");
    }
}
