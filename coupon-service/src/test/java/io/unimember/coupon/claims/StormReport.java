package io.unimember.coupon.claims;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Prints a storm's figures and appends them to target/claim-storm.txt, where BENCHMARK.md takes them from. Also
 * reads the service's own issuing timers, so a slow storm tells whether claims queued for their template or the
 * transactions themselves were slow.
 */
final class StormReport {

    private final MeterRegistry meters;
    private final long queuedCount;
    private final double queuedMillis;
    private final long runCount;
    private final double runMillis;

    private StormReport(MeterRegistry meters) {
        this.meters = meters;
        this.queuedCount = count(meters, "coupon.issuing.queued");
        this.queuedMillis = total(meters, "coupon.issuing.queued");
        this.runCount = count(meters, "coupon.issuing.transaction");
        this.runMillis = total(meters, "coupon.issuing.transaction");
    }

    /** Call before the storm. */
    static StormReport start(MeterRegistry meters) {
        return new StormReport(meters);
    }

    void record(String what, ClaimStorm.Result result) {
        String line =
                "%s %s: %s; in the service, per claim: %.1f ms queued for the template, %.1f ms in the transaction"
                        .formatted(
                                Instant.now(),
                                what,
                                result.summary(),
                                mean(
                                        total(meters, "coupon.issuing.queued") - queuedMillis,
                                        count(meters, "coupon.issuing.queued") - queuedCount),
                                mean(
                                        total(meters, "coupon.issuing.transaction") - runMillis,
                                        count(meters, "coupon.issuing.transaction") - runCount));
        System.out.println("CLAIM STORM " + line);
        try {
            Files.writeString(
                    Path.of("target", "claim-storm.txt"),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mean(double totalMillis, long count) {
        return count == 0 ? 0 : totalMillis / count;
    }

    private static long count(MeterRegistry meters, String name) {
        Timer t = meters.find(name).timer();
        return t == null ? 0 : t.count();
    }

    private static double total(MeterRegistry meters, String name) {
        Timer t = meters.find(name).timer();
        return t == null ? 0 : t.totalTime(TimeUnit.MILLISECONDS);
    }
}
