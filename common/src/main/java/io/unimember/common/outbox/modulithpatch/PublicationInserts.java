package io.unimember.common.outbox.modulithpatch;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the event publications of one transaction with one statement, just before it commits, instead of one
 * statement per event as it is published. A transaction that records many events (order intake's group commit: two
 * per order) then pays one round trip for them. The rows and their columns are exactly those Spring Modulith 2.0's
 * {@code JdbcEventPublicationRepositoryV2} writes; the statement runs in the transaction, before its commit, so an
 * event still exists if and only if its change committed. Each transaction — an inner {@code REQUIRES_NEW} one too —
 * writes its own.
 */
final class PublicationInserts {

    private static final String INSERT = "INSERT INTO EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID,"
            + " PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcOperations jdbc;
    private final EventSerializer serializer;

    PublicationInserts(JdbcOperations jdbc, EventSerializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Keeps the publication to write with the current transaction's others; false when there is no transaction to
     * wait for (the caller writes it at once).
     */
    boolean defer(TargetEventPublication publication) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        // bound to the current transaction (an O(1) look-up: a batch of events defers hundreds); an inner
        // REQUIRES_NEW transaction unbinds the outer one's while it runs and writes its own
        var deferred = (Deferred) TransactionSynchronizationManager.getResource(this);
        if (deferred == null) {
            deferred = new Deferred();
            TransactionSynchronizationManager.bindResource(this, deferred);
            TransactionSynchronizationManager.registerSynchronization(deferred);
        }
        deferred.publications.add(publication);
        return true;
    }

    private void write(List<TargetEventPublication> publications) {
        jdbc.batchUpdate(INSERT, publications, publications.size(), (ps, p) -> {
            Timestamp published = Timestamp.from(p.getPublicationDate());
            ps.setString(1, p.getIdentifier().toString());
            ps.setString(2, p.getEvent().getClass().getName());
            ps.setString(3, p.getTargetIdentifier().getValue());
            ps.setTimestamp(4, published);
            ps.setString(5, serializer.serialize(p.getEvent()).toString());
            ps.setString(6, p.getStatus().name());
            ps.setInt(7, 1);
            ps.setTimestamp(8, published);
        });
    }

    private final class Deferred implements TransactionSynchronization {

        final List<TargetEventPublication> publications = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            write(publications);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(PublicationInserts.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PublicationInserts.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PublicationInserts.this);
        }
    }
}
