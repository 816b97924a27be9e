package io.unimember.coupon.businessunits;

import io.unimember.common.businessunits.BusinessUnits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * coupon-service's business units: every row may fund a coupon, the rows marked {@code is_scene} are where coupons
 * are used (PLATFORM funds tier allotments and platform campaigns but is no scene).
 */
@Configuration(proxyBeanMethods = false)
class BusinessUnitsConfiguration {

    @Bean
    BusinessUnits businessUnits(JdbcClient jdbc) {
        return BusinessUnits.scenesMarkedBy(jdbc, "is_scene");
    }
}
