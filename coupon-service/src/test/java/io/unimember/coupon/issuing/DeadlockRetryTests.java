package io.unimember.coupon.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

/** The retry {@link IssuingResilience} configures: lost lock races only, the configured number of attempts. */
class DeadlockRetryTests {

    private final IssuingResilience resilience = new IssuingResilience();
    private final IssuingProperties properties =
            new IssuingProperties(false, Duration.ofDays(1), Duration.ofSeconds(10), 3, 8, Duration.ofSeconds(15), 4);
    private final Retry retry = resilience.deadlockRetries(properties).retry("issuing");

    @Test
    void aDeadlockVictimIsRunAgainUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = retry.executeSupplier(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new PessimisticLockingFailureException("Deadlock found when trying to get lock");
            }
            return "committed";
        });

        assertThat(answer).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aTransactionThatKeepsLosingFailsWithItsLastErrorAfterTheConfiguredAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.executeSupplier(() -> {
                    throw new CannotAcquireLockException("Lock wait timeout exceeded #" + attempts.incrementAndGet());
                }))
                .isInstanceOf(CannotAcquireLockException.class)
                .hasMessage("Lock wait timeout exceeded #3");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherFailureIsAnsweredAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.executeSupplier(() -> {
                    attempts.incrementAndGet();
                    throw new DataIntegrityViolationException("Duplicate entry");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> retry.executeSupplier(() -> {
                    attempts.incrementAndGet();
                    throw Refusal.SOLD_OUT.toException();
                }))
                .hasMessageContaining("every coupon of this template has been issued");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void retriedCallsAreCountedOnTheMeterRegistry() {
        var meters = new SimpleMeterRegistry();
        var retries = resilience.deadlockRetries(properties);
        resilience.deadlockRetryMetrics(retries).bindTo(meters);
        AtomicInteger attempts = new AtomicInteger();

        retries.retry("grant").executeSupplier(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PessimisticLockingFailureException("Deadlock found when trying to get lock");
            }
            return "committed";
        });

        assertThat(meters.get("resilience4j.retry.calls")
                        .tag("name", "grant")
                        .tag("kind", "successful_with_retry")
                        .functionCounter()
                        .count())
                .isEqualTo(1.0);
    }
}
