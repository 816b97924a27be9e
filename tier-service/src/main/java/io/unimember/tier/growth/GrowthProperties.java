package io.unimember.tier.growth;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How growth is counted.
 *
 * @param windowDays growth counts for this many business days, the order's day included
 * @param businessZone where business days begin and end
 * @param defaultRateBp growth per ¥1 in basis points for a BU the {@code business_unit} table does not know
 */
@ConfigurationProperties("unimember.tier.growth")
public record GrowthProperties(
        @DefaultValue("365") int windowDays,
        @DefaultValue("Asia/Shanghai") ZoneId businessZone,
        @DefaultValue("10000") int defaultRateBp) {}
