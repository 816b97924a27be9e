package io.unimember.coupon.campaigns;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refresh how long the evaluation trusts its in-memory copy of the active campaigns before it asks the
 *     database whether any campaign changed (changes made on this instance apply at once)
 * @param timeTriggersLease how long one instance holds the time-trigger job's lease: one runner per window
 * @param zone the zone whose calendar days BIRTHDAY fires on
 */
@ConfigurationProperties("unimember.coupon.campaigns")
record CampaignProperties(
        @DefaultValue("PT2S") Duration refresh,
        @DefaultValue("PT50M") Duration timeTriggersLease,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
