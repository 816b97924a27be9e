package io.unimember.common.notes;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A test feature: writing a note is a business change with an event; a listener counts the events it applies. */
class Notes {

    record NoteRequest(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 200) String text) {}

    record NoteCreated(String id, String text) {}

    record Dated(@jakarta.validation.constraints.NotNull java.time.LocalDate day) {}

    /** A page as every list answers it: the last one has no cursor. */
    record NotePage(List<String> items, @org.jspecify.annotations.Nullable String nextCursor) {}

    record Amount(@jakarta.validation.constraints.Positive long amountFen, boolean urgent) {}

    @Component
    static class NoteWriter {

        private final JdbcClient jdbc;
        private final EventPublisher events;

        NoteWriter(JdbcClient jdbc, EventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public NoteCreated write(NoteRequest request) {
            jdbc.sql("INSERT INTO note (id, text) VALUES (?, ?)")
                    .params(request.id(), request.text())
                    .update();
            events.publish(new MemberRegistered(request.id(), Instant.now()));
            return new NoteCreated(request.id(), request.text());
        }

        @Transactional
        public void writeThenFail(NoteRequest request) {
            write(request);
            throw new IllegalStateException("the change is rolled back, so must its event be");
        }
    }

    @RestController
    static class NoteController {

        private final Idempotency idempotency;
        private final NoteWriter writer;

        NoteController(Idempotency idempotency, NoteWriter writer) {
            this.idempotency = idempotency;
            this.writer = writer;
        }

        /**
         * Writes a note for the calling member. The same Idempotency-Key writes it once.
         *
         * @param key the client's key for this write
         */
        @PostMapping("/api/v1/notes")
        @io.unimember.common.openapi.Creates("note written")
        ResponseEntity<NoteCreated> create(
                Caller caller, @RequestHeader("Idempotency-Key") String key, @Valid @RequestBody NoteRequest request) {
            var result = idempotency
                    .once("note:" + caller.memberId(), key, request)
                    .answering(HttpStatus.CREATED, NoteCreated.class, () -> writer.write(request));
            return ResponseEntity.status(result.status()).body(result.body());
        }

        @org.springframework.web.bind.annotation.GetMapping("/api/v1/notes/page")
        NotePage page(
                Caller caller,
                @org.springframework.web.bind.annotation.RequestParam
                        @jakarta.validation.constraints.Pattern(regexp = "[^\\p{Cntrl}]*")
                        String prefix) {
            return new NotePage(List.of(prefix + caller.memberId()), null);
        }

        @PostMapping("/api/v1/notes/amounts")
        Amount amount(@Valid @RequestBody Amount amount) {
            return amount;
        }

        @PostMapping("/api/v1/notes/dated")
        Dated dated(@Valid @RequestBody Dated dated) {
            return dated;
        }

        @PostMapping("/api/v1/public/no-connection")
        Dated noConnection() {
            // what a @Transactional call sees when the pool has no connection left within its timeout
            throw new org.springframework.transaction.CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction",
                    new java.sql.SQLTransientConnectionException("pool - Connection is not available"));
        }

        @PostMapping("/api/v1/public/connection-lost")
        Dated connectionLost() {
            // what a transaction sees when the database goes away between its statements and its commit
            throw new org.springframework.transaction.TransactionSystemException("JDBC rollback failed");
        }

        @PostMapping("/api/v1/public/form")
        Snapshot form(
                @org.springframework.web.bind.annotation.RequestParam
                        org.springframework.util.MultiValueMap<String, String> form) {
            return new Snapshot(tools.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("fields", form.size()));
        }

        @PostMapping("/api/v1/public/ping")
        Dated ping() {
            throw io.unimember.common.web.ApiException.tooManyRequests("SLOW_DOWN", "once a minute", 42);
        }

        @PostMapping("/api/v1/bu/notes")
        @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('SCOPE_bu:orders')")
        NoteCreated buOnly(Caller caller) {
            return new NoteCreated(caller.bu(), "bu");
        }
    }

    @Component
    static class NoteListener {

        /** Events whose member id starts with this fail as if the database were away, this many times. */
        final AtomicInteger transientFailuresLeft = new AtomicInteger();

        volatile String failFor = "none";
        private final EventBatches batches;
        private final JdbcClient jdbc;

        NoteListener(EventBatches batches, JdbcClient jdbc) {
            this.batches = batches;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = Topics.MEMBER, batch = "true")
        void on(List<ConsumerRecord<String, String>> records) {
            batches.apply("notes", records, event -> event, this::count);
        }

        /** Counts each applied event once per member; fails as if the database were away where told to. */
        void count(List<EventBatches.Read<EventEnvelope>> events) {
            for (EventBatches.Read<EventEnvelope> read : events) {
                EventEnvelope event = read.envelope();
                if (event.memberId().startsWith(failFor) && transientFailuresLeft.getAndDecrement() > 0) {
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("database away (simulated)");
                }
                jdbc.sql(
                                "INSERT INTO note_seen (member_id, times) VALUES (?, 1) ON DUPLICATE KEY UPDATE times = times + 1")
                        .param(event.memberId())
                        .update();
            }
        }
    }

    /** A JSON value kept as it is, as an audit entry keeps its before and after. */
    record Snapshot(tools.jackson.databind.JsonNode value) {}
}
