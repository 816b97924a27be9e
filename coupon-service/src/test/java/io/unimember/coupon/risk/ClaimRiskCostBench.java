package io.unimember.coupon.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.Dimension;
import io.unimember.common.risk.RiskPolicies;
import io.unimember.common.risk.RiskPolicy;
import io.unimember.common.risk.RiskRule;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (its name keeps it out of the suite): what risk control adds to a claim's latency (issue #30: "the checks
 * add ≤ 2 ms to a claim's p99"). Claims over HTTP to this service, paced at {@value #PER_SECOND}/s, in alternating
 * blocks with the seeded claim rules in force (one Lua round trip per claim) and with no rules (no Redis call), so
 * that the box's noise falls on both alike; each claim by an ordinary member from a device and an IP range of its own,
 * so no rule fires. Prints p50/p90/p99/p99.9 of each and the decision's own time from
 * {@code unimember.risk.decisions}. {@code ./mvnw -o verify -pl coupon-service -Dtest=ClaimRiskCostBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class ClaimRiskCostBench {

    private static final int PER_SECOND = 100;
    private static final int BLOCK = 250;
    private static final int BLOCKS = 10;
    private static final int MEMBERS = 400;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    RiskPolicies policies;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void noRules() {
        policies.publish(RiskPolicy.NONE);
    }

    @Test
    void claimLatencyWithAndWithoutTheChecks() {
        Api api = new Api(port, json);
        String template = api.template(Api.fixedTemplate(100, 1_000_000, 1_000, 1_000_000_000L));
        List<String> members = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String member = Api.member();
            members.add(member);
            tokens.add(TestTokens.member(member));
        }
        RiskPolicy seeded = seededClaimRules();
        // warm-up, both ways
        for (int i = 0; i < 2; i++) {
            policies.publish(i == 0 ? seeded : RiskPolicy.NONE);
            block(api, template, tokens, i);
        }
        Timer decisions = meters.get("unimember.risk.decisions")
                .tag("action", "claim")
                .tag("outcome", "allow")
                .timer();

        List<Long> on = new ArrayList<>();
        List<Long> off = new ArrayList<>();
        // the decisions of the blocks with rules only: without rules a decision is made too, with no Redis call
        long[] decidedWithRules = new long[buckets(decisions).length];
        long counted = 0;
        for (int b = 0; b < BLOCKS * 2; b++) {
            boolean checks = b % 2 == 0;
            policies.publish(checks ? seeded : RiskPolicy.NONE);
            CountAtBucket[] before = buckets(decisions);
            long countBefore = decisions.count();
            (checks ? on : off).addAll(block(api, template, tokens, b + 2));
            if (checks) {
                CountAtBucket[] after = buckets(decisions);
                for (int i = 0; i < after.length; i++) {
                    decidedWithRules[i] += (long) (after[i].count() - before[i].count());
                }
                counted += decisions.count() - countBefore;
            }
        }
        String decided = decisionShares(buckets(decisions), decidedWithRules, counted);
        String report = String.format(
                Locale.ROOT,
                "claims with the checks: %s%nclaims without:         %s%np99 difference: %.2f ms%ndecisions: %s",
                summary(on),
                summary(off),
                (percentile(on, 99) - percentile(off, 99)) / 1e6,
                decided);
        System.out.println(report);
        assertThat(on).hasSize(BLOCK * BLOCKS);
        assertThat(counted).isEqualTo(BLOCK * BLOCKS);
    }

    /** One block of paced claims; their latencies in ns. Every claim must be issued. */
    private List<Long> block(Api api, String template, List<String> tokens, int block) {
        List<Long> latencies = new ArrayList<>(BLOCK);
        long period = 1_000_000_000L / PER_SECOND;
        long next = System.nanoTime();
        for (int i = 0; i < BLOCK; i++) {
            int n = block * BLOCK + i;
            LockSupport.parkNanos(next - System.nanoTime());
            next += period;
            Map<String, String> headers = Map.of(
                    "Idempotency-Key", UUID.randomUUID().toString(),
                    "X-Device-Id", "device-" + n,
                    "X-Client-Ip", "10." + (n / 250 % 250) + "." + (n % 250) + ".7");
            long started = System.nanoTime();
            Api.Response claim = api.post(
                    "/api/v1/coupons/claims", tokens.get(n % tokens.size()), Map.of("templateId", template), headers);
            latencies.add(System.nanoTime() - started);
            if (claim.status() != 201) {
                throw new IllegalStateException("claim " + n + ": " + claim.raw());
            }
        }
        return latencies;
    }

    /** The claim rules member-service seeds (V13__create_risk.sql). */
    private static RiskPolicy seededClaimRules() {
        return new RiskPolicy(
                System.nanoTime(),
                50,
                100,
                List.of(
                        rule("claims-from-device-farm", Counter.REGISTRATIONS, Dimension.DEVICE, 86_400, 3, 100),
                        rule("claims-from-shared-device", Counter.MEMBERS, Dimension.DEVICE, 86_400, 3, 100),
                        rule("claims-from-busy-ip-range", Counter.REGISTRATIONS, Dimension.IP_RANGE, 3_600, 10, 50),
                        rule("claims-per-ip-range", Counter.CLAIMS, Dimension.IP_RANGE, 60, 20, 50)));
    }

    private static RiskRule rule(
            String id, Counter counter, Dimension dimension, long windowSeconds, int threshold, int score) {
        return new RiskRule(
                id,
                id,
                Checkpoint.CLAIM,
                counter,
                dimension,
                Duration.ofSeconds(windowSeconds),
                threshold,
                score,
                true);
    }

    private static CountAtBucket[] buckets(Timer timer) {
        return timer.takeSnapshot().histogramCounts();
    }

    /** The share of the measured decisions at or under each of the timer's bounds (1, 2, 5, 20 ms). */
    private static String decisionShares(CountAtBucket[] bounds, long[] counts, long decided) {
        StringBuilder shares = new StringBuilder();
        for (int i = 0; i < bounds.length; i++) {
            shares.append(String.format(
                    Locale.ROOT,
                    "%s≤ %.0f ms %.2f %%",
                    i == 0 ? "" : ", ",
                    bounds[i].bucket(java.util.concurrent.TimeUnit.MILLISECONDS),
                    100.0 * counts[i] / decided));
        }
        return shares + " of " + decided;
    }

    private static String summary(List<Long> latencies) {
        return String.format(
                Locale.ROOT,
                "n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms",
                latencies.size(),
                percentile(latencies, 50) / 1e6,
                percentile(latencies, 90) / 1e6,
                percentile(latencies, 99) / 1e6,
                percentile(latencies, 99.9) / 1e6);
    }

    private static double percentile(List<Long> latencies, double p) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
