package io.unimember.coupon.allotment;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param templateId the tier template every allotted coupon is issued from (PLATFORM-funded)
 * @param zone where "the 1st" and "this month" are reckoned
 * @param pageSize members read per page of the run
 */
@ConfigurationProperties("unimember.coupon.allotment")
record AllotmentProperties(
        @DefaultValue("tpl-monthly-tier") String templateId,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("500") int pageSize) {}
