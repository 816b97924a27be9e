package io.unimember.common.transactions;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values kept for the length of the current transaction: what a batch of events reads once (the tier rules, a
 * business unit's rates) instead of once per event. The transaction sees the value as it was when first asked for,
 * as if the whole batch had been applied at that moment; without a transaction nothing is kept.
 */
public final class PerTransaction {

    private static final Object KEY = new Object();

    private PerTransaction() {}

    /** The value {@code key} has in this transaction, computed by {@code compute} on the transaction's first ask. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return compute.get();
        }
        var values = (Map<Object, Object>) TransactionSynchronizationManager.getResource(KEY);
        if (values == null) {
            Map<Object, Object> fresh = new HashMap<>();
            values = fresh;
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // an inner REQUIRES_NEW transaction keeps values of its own; the outer one gets its own back
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KEY, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            values.put(key, value);
        }
        return (T) value;
    }
}
