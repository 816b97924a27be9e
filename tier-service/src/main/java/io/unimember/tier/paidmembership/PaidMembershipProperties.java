package io.unimember.tier.paidmembership;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of paid membership that are not a plan's.
 *
 * @param grace how long after its end an unpaid renewal keeps the membership (and its benefits) before it lapses
 * @param renewAhead how long before the end the renewal purchase is opened for the paying BU to charge
 * @param paymentWindow how long a member's unpaid purchase blocks another one; after it a new purchase supersedes it
 * @param fullRefundWindow within it, a purchase with no benefit used is refunded in full
 * @param zone business time: where months (of periods and of counted allowances) begin
 * @param batchSize members read per query by the renewal and lapse job
 */
@ConfigurationProperties("unimember.tier.paid-membership")
record PaidMembershipProperties(
        @DefaultValue("P3D") Duration grace,
        @DefaultValue("P3D") Duration renewAhead,
        @DefaultValue("PT30M") Duration paymentWindow,
        @DefaultValue("P7D") Duration fullRefundWindow,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("500") int batchSize) {}
