package io.unimember.coupon.claims;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code unimember.coupon.claims{outcome}}, the name deploy/README.md lists for the dashboard: one per claim
 * attempt that got an answer, {@code issued} once the claim's transaction committed, or the refusal (sold out,
 * limit reached, budget exhausted). A retry answered from the stored result is not a new attempt and is not counted;
 * a refusal stores nothing, so retrying it is one.
 */
@Component
class ClaimMetrics {

    private final Counter issued;
    /** The counted refusals, by their problem code. */
    private final Map<String, Counter> refusals;

    ClaimMetrics(MeterRegistry registry) {
        this.issued = counter(registry, "issued");
        this.refusals = Map.of(
                "COUPON_SOLD_OUT", counter(registry, "sold_out"),
                "COUPON_LIMIT_REACHED", counter(registry, "limit_reached"),
                "BUDGET_EXHAUSTED", counter(registry, "budget_exhausted"));
    }

    /** A claim committed a new coupon (call only after its transaction returned, and not for a replay). */
    void issued() {
        issued.increment();
    }

    /** A claim was refused with this problem code; codes that are not a counted outcome are ignored. */
    void refused(String code) {
        Optional.ofNullable(refusals.get(code)).ifPresent(Counter::increment);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("unimember.coupon.claims")
                .description("member claim attempts by outcome: issued, sold_out, limit_reached, budget_exhausted")
                .tag("outcome", outcome)
                .register(registry);
    }
}
