package io.unimember.common.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BusinessUnitsTests {

    @Autowired
    BusinessUnits businessUnits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRowNotMarkedAsASceneIsABusinessUnitButNoScene() {
        assertThat(businessUnits.exists("PLATFORM")).isTrue();
        assertThat(businessUnits.isScene("PLATFORM")).isFalse();
        assertThat(businessUnits.isScene("DINE_IN")).isTrue();
        assertThat(businessUnits.exists("NO_SUCH_BU")).isFalse();
        assertThat(businessUnits.isScene("NO_SUCH_BU")).isFalse();
    }

    @Test
    void aNewBusinessUnitIsARowSeenOnTheNextReload() {
        String code = "BU_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(businessUnits.exists(code)).isFalse();

        jdbc.sql("INSERT INTO business_unit (code, is_scene) VALUES (?, TRUE)")
                .param(code)
                .update();

        await().atMost(Duration.ofSeconds(20)).until(() -> businessUnits.isScene(code));
        assertThat(businessUnits.codes()).contains(code, "DINE_IN", "PLATFORM");
    }
}
