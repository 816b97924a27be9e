package io.unimember.tier.paidmembership;

import io.unimember.common.businessunits.BusinessUnits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The BU codes plans may name (partner benefits, revenue shares), from tier-service's {@code business_unit} table. */
@Configuration(proxyBeanMethods = false)
class BusinessUnitsConfiguration {

    @Bean
    BusinessUnits businessUnits(JdbcClient jdbc) {
        return BusinessUnits.everyOneAScene(jdbc);
    }
}
