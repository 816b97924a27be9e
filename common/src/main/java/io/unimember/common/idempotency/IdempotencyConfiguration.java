package io.unimember.common.idempotency;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration
public class IdempotencyConfiguration {

    @Bean
    Idempotency idempotency(
            JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, JsonMapper mapper, Clock clock) {
        return new Idempotency(jdbc, batch, tx, mapper, clock);
    }
}
