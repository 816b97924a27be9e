package io.unimember.coupon.issuing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transaction again when InnoDB picked it as a deadlock victim (or it waited too long for a lock).
 * The victim's transaction was rolled back entirely, so running it again is safe; it must be called outside any
 * transaction, around the code that starts one.
 */
@Component
public class DeadlockRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadlockRetry.class);

    private final IssuingProperties properties;

    DeadlockRetry(IssuingProperties properties) {
        this.properties = properties;
    }

    public <T> T run(Supplier<T> transaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a retried transaction must start its own transaction");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= properties.retryAttempts()) {
                    throw e;
                }
                log.info("transaction lost a lock race (attempt {}), running it again: {}", attempt, e.toString());
                sleepQuietly(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
