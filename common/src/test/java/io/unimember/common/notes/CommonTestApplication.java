package io.unimember.common.notes;

import io.unimember.common.businessunits.BusinessUnits;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A tiny service made of common's parts only, so common is tested the way services use it. */
@SpringBootApplication
@EnableScheduling
class CommonTestApplication {

    @Bean
    BusinessUnits businessUnits(JdbcClient jdbc) {
        return BusinessUnits.scenesMarkedBy(jdbc, "is_scene");
    }
}
