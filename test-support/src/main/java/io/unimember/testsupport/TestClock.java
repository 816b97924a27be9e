package io.unimember.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests set and move. Until they do it is the system's clock; {@link #set} stops it at an instant,
 * {@link #travelTo} moves it to one and lets it tick on from there (time still passes inside a test that travelled
 * to another month); {@link #advance} moves it either way; {@link #reset} gives back the system's clock. Register
 * one as the service's {@code Clock} bean; reset it after a test.
 */
public final class TestClock extends Clock {

    /** Stopped at {@code stoppedAt}, or else the system clock plus {@code offset}. */
    private record Reading(Instant stoppedAt, Duration offset) {

        static final Reading SYSTEM = new Reading(null, Duration.ZERO);

        Instant now() {
            return stoppedAt != null ? stoppedAt : Instant.now().plus(offset);
        }

        Reading plus(Duration duration) {
            return stoppedAt != null
                    ? new Reading(stoppedAt.plus(duration), offset)
                    : new Reading(null, offset.plus(duration));
        }
    }

    private final AtomicReference<Reading> reading;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(Reading.SYSTEM), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Reading> reading, ZoneId zone) {
        this.reading = reading;
        this.zone = zone;
    }

    /** A clock stopped at {@code instant}, for a test that moves time by hand. */
    public static TestClock at(Instant instant) {
        TestClock clock = new TestClock();
        clock.set(instant);
        return clock;
    }

    /** From now on the clock reads {@code instant} and stands there. */
    public void set(Instant instant) {
        reading.set(new Reading(instant, Duration.ZERO));
    }

    /** From now on the clock reads {@code instant}, and keeps ticking from there. */
    public void travelTo(Instant instant) {
        reading.set(new Reading(null, Duration.between(Instant.now(), instant)));
    }

    /** Moves the clock on; a stopped clock stays stopped, a ticking one keeps ticking. */
    public void advance(Duration duration) {
        reading.updateAndGet(r -> r.plus(duration));
    }

    public void reset() {
        reading.set(Reading.SYSTEM);
    }

    @Override
    public Instant instant() {
        return reading.get().now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock, set and moved with this one, in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(reading, zone);
    }
}
