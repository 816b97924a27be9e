package io.unimember.tier.growth;

import io.unimember.common.transactions.PerTransaction;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Growth rate per business unit from the {@code business_unit} table; a BU it does not know earns the default. */
@Repository
class BusinessUnitRates {

    private static final Logger log = LoggerFactory.getLogger(BusinessUnitRates.class);

    private final JdbcClient jdbc;
    private final GrowthProperties properties;

    BusinessUnitRates(JdbcClient jdbc, GrowthProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The unit's growth rate, read once per transaction and unit. */
    int rateBp(String bu) {
        return PerTransaction.get(List.of(BusinessUnitRates.class, bu), () -> read(bu));
    }

    private int read(String bu) {
        return jdbc.sql("SELECT growth_rate_bp FROM business_unit WHERE code = ?")
                .param(bu)
                .query(Integer.class)
                .optional()
                .orElseGet(() -> {
                    log.warn(
                            "no growth rate for business unit {}, using the default {} bp",
                            bu,
                            properties.defaultRateBp());
                    return properties.defaultRateBp();
                });
    }
}
