package io.unimember.tier.membership;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How members move between tiers.
 *
 * @param retention how long a reached tier is kept whatever the growth (保级)
 * @param firstOrderTier the tier a member's first completed order grants
 * @param historyLimit how many tier events {@code GET /api/v1/tiers/me} lists
 */
@ConfigurationProperties("unimember.tier.membership")
public record MembershipProperties(
        @DefaultValue("P90D") Duration retention,
        @DefaultValue("SILVER") String firstOrderTier,
        @DefaultValue("20") int historyLimit) {}
