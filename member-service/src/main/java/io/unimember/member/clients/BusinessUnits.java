package io.unimember.member.clients;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The business units, read from the {@code business_unit} table and held in memory: a BU code is also a scene, and
 * the entitlement lookup checks scenes without a database round trip. A new BU row is seen within a minute.
 */
@Component
public class BusinessUnits {

    private static final Logger log = LoggerFactory.getLogger(BusinessUnits.class);

    private final JdbcClient jdbc;
    private volatile Set<String> codes = Set.of();

    BusinessUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String code) {
        if (codes.isEmpty()) {
            reload();
        }
        return codes.contains(code);
    }

    public Set<String> codes() {
        if (codes.isEmpty()) {
            reload();
        }
        return codes;
    }

    @Scheduled(fixedDelayString = "${unimember.members.business-units-reload:PT1M}")
    void scheduledReload() {
        try {
            reload();
        } catch (DataAccessException e) {
            log.warn("could not reload business units, keeping {}: {}", codes, e.getMessage());
        }
    }

    private void reload() {
        codes = Set.copyOf(
                jdbc.sql("SELECT code FROM business_unit").query(String.class).list());
    }
}
