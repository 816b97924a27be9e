package io.unimember.common.transactions;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

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
        Map<Object, Object> values = TransactionScoped.get(KEY, HashMap::new, null);
        if (values == null) {
            return compute.get();
        }
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            values.put(key, value);
        }
        return (T) value;
    }
}
