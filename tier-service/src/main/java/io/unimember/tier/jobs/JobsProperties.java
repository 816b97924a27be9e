package io.unimember.tier.jobs;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduled jobs walk the members. (Their schedules are the {@code *-cron} and {@code *-every} properties
 * of the same prefix, read by {@code @Scheduled}.)
 *
 * @param batchSize members read per query
 * @param zone the business time zone, where months and days begin
 * @param windowCatchUpDays how many days back the window refresh looks, so a few missed runs lose nothing
 */
@ConfigurationProperties("unimember.tier.jobs")
record JobsProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("7") int windowCatchUpDays) {}
