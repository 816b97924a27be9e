package io.unimember.coupon.issuing;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * The service's one resilience toolkit, resilience4j, configured in one place from {@link IssuingProperties}: the
 * retry of a transaction InnoDB picked as a deadlock victim (or that waited too long for a lock), and the issuing
 * lanes' bulkheads, with their {@code resilience4j.*} metrics on the meter registry.
 */
@Configuration(proxyBeanMethods = false)
class IssuingResilience {

    private static final Logger log = LoggerFactory.getLogger(IssuingResilience.class);

    /**
     * Retries are named by what they retry ({@code issuing}, {@code allotment}); all share this configuration. Only
     * a lost lock race is retried: the victim's transaction was rolled back entirely, so running it again is safe,
     * and it must be run again whole (the retried code starts its own transaction). The wait after attempt n is a
     * random 5 to 25·n ms, so the racers do not meet again.
     */
    @Bean
    RetryRegistry deadlockRetries(IssuingProperties properties) {
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .retryExceptions(PessimisticLockingFailureException.class)
                .intervalFunction(attempt -> ThreadLocalRandom.current().nextLong(5, 25L * attempt))
                .build());
        registry.getEventPublisher().onEntryAdded(added -> added.getAddedEntry()
                .getEventPublisher()
                .onRetry(retry -> log.info(
                        "{} transaction lost a lock race (attempt {}), running it again: {}",
                        retry.getName(),
                        retry.getNumberOfRetryAttempts(),
                        String.valueOf(retry.getLastThrowable()))));
        return registry;
    }

    /**
     * One bulkhead per issuing lane, {@code issuing.concurrent-per-template} calls each. A lane's workers take a
     * permit without waiting (a worker never blocks on a full lane); requests wait for a lane in its queue.
     */
    @Bean
    BulkheadRegistry issuingBulkheads(IssuingProperties properties) {
        return BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.concurrentPerTemplate())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    @Bean
    MeterBinder deadlockRetryMetrics(RetryRegistry retries) {
        return TaggedRetryMetrics.ofRetryRegistry(retries);
    }

    @Bean
    MeterBinder issuingBulkheadMetrics(BulkheadRegistry bulkheads) {
        return TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads);
    }
}
