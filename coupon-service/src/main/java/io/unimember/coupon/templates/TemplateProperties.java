package io.unimember.coupon.templates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stockShards how many rows a new template's stock and budget are spread over: about how many of its issuing
 *     transactions can commit at once (a template that can issue fewer coupons gets fewer)
 */
@ConfigurationProperties("unimember.coupon.templates")
record TemplateProperties(@DefaultValue("8") int stockShards) {}
