package io.unimember.member.clients;

import io.unimember.common.businessunits.BusinessUnits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** member-service's business units: every row of its {@code business_unit} table, each code also a scene. */
@Configuration(proxyBeanMethods = false)
class BusinessUnitsConfiguration {

    @Bean
    BusinessUnits businessUnits(JdbcClient jdbc) {
        return BusinessUnits.everyOneAScene(jdbc);
    }
}
