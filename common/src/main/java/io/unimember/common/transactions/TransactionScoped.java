package io.unimember.common.transactions;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An object that lives as long as the current transaction: what a batch collects to write once (history rows, a
 * member's view) or reads once (the rules). An inner {@code REQUIRES_NEW} transaction gets objects of its own, and
 * the outer one gets its own back when it resumes.
 */
public final class TransactionScoped {

    private TransactionScoped() {}

    /**
     * The object bound to {@code key} in this transaction, made by {@code create} on the transaction's first ask;
     * {@code beforeCommit}, if given, gets it once just before the transaction commits (a failure there rolls the
     * transaction back). Null without an active transaction: the caller does its work at once.
     */
    @SuppressWarnings("unchecked")
    public static <T> @Nullable T get(Object key, Supplier<T> create, @Nullable Consumer<? super T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return (T) bound;
        }
        T fresh = create.get();
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, fresh);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (beforeCommit != null) {
                    beforeCommit.accept(fresh);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return fresh;
    }
}
