package io.unimember.common.risk;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.outbox.OutboxConfiguration;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk control for every service that has Redis: the engine, the policy and frozen-member copies (re-read in the
 * background, never on a request), and the decision record.
 */
@AutoConfiguration(after = {DataRedisAutoConfiguration.class, OutboxConfiguration.class})
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(StringRedisTemplate.class)
@EnableConfigurationProperties(RiskProperties.class)
public class RiskConfiguration {

    @Bean
    RiskPolicies riskPolicies(StringRedisTemplate redis, JsonMapper mapper, RiskProperties properties) {
        return new RiskPolicies(redis, mapper, properties.namespace());
    }

    @Bean
    FrozenMembers frozenMembers(StringRedisTemplate redis, RiskProperties properties) {
        return new FrozenMembers(redis, properties.namespace());
    }

    @Bean
    RiskEngine riskEngine(
            StringRedisTemplate redis,
            RiskPolicies policies,
            RiskProperties properties,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        return new RiskEngine(
                new SlidingWindows(redis, properties.namespace()),
                policies,
                properties,
                clock,
                meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(EventPublisher.class)
    RiskDecisions riskDecisions(
            JdbcClient jdbc,
            JsonMapper mapper,
            EventPublisher events,
            @Value("${spring.application.name}") String app) {
        return new RiskDecisions(jdbc, mapper, events, app);
    }

    /** Re-reads the policy and the frozen members on one daemon thread, first at start-up. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService riskRefresher(RiskPolicies policies, FrozenMembers frozen, RiskProperties properties) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "risk-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(
                policies::refresh, 0, properties.policyRefresh().toMillis(), TimeUnit.MILLISECONDS);
        refresher.scheduleWithFixedDelay(
                frozen::refresh, 0, properties.frozenRefresh().toMillis(), TimeUnit.MILLISECONDS);
        return refresher;
    }
}
