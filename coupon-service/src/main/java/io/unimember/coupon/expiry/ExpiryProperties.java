package io.unimember.coupon.expiry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param every how often coupons past their end are looked for
 * @param batchSize coupons expired per transaction
 */
@ConfigurationProperties("unimember.coupon.expiry")
record ExpiryProperties(@DefaultValue("PT1M") Duration every, @DefaultValue("500") int batchSize) {}
