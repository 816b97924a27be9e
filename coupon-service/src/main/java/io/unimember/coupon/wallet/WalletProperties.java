package io.unimember.coupon.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPageSize wallet page size when the client gives none
 * @param maxUsable most coupons a usable lookup weighs (a member holding more sees the soonest-expiring ones)
 */
@ConfigurationProperties("unimember.coupon.wallet")
record WalletProperties(@DefaultValue("20") int defaultPageSize, @DefaultValue("200") int maxUsable) {}
