package io.unimember.common.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared plumbing end to end: outbox to Kafka to inbox, rollbacks, dead letters, idempotency, problems. */
@IntegrationTest
class CommonPlumbingTests {

    @LocalServerPort
    int port;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notes.NoteWriter writer;

    @Autowired
    Notes.NoteListener listener;

    @Autowired
    EventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventPublicationRepository publications;

    TestHttp http() {
        return TestHttp.toPort(port);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aFailedSendIsNotLoggedWithAStackTracePerEvent() {
        // the loggers Spring and Modulith use when an outbox send fails; KafkaSendFailures and OutboxBacklog report
        // those once a minute instead (an outage under load wrote ~500,000 lines a minute)
        for (String name : List.of(
                "org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter",
                "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration"
                        + "$ConditionalTransactionalApplicationListenerMethodAdapter")) {
            assertThat(org.slf4j.LoggerFactory.getLogger(name).isErrorEnabled())
                    .as(name)
                    .isFalse();
        }
    }

    @Test
    void oneExternalizerSendsTheOutboxAndRecordsEachSendOnceItIsAcknowledged() {
        assertThat(context.getBeansOfType(EventExternalizerModuleListener.class))
                .containsOnlyKeys("unimemberKafkaExternalizer");
        // Modulith's store, wrapped so that sent publications are deleted in batches, never marked processing
        assertThat(context.getBean(EventPublicationRepository.class))
                .extracting(store -> store.getClass().getSimpleName())
                .isEqualTo("BatchedCompletions");

        String id = "m-" + UUID.randomUUID();
        writer.write(new Notes.NoteRequest(id, "recorded"));
        assertThat(TestKafka.records(Topics.MEMBER, v -> v.contains(id), 1, Duration.ofSeconds(20)))
                .hasSize(1);
        // completion mode delete: once Kafka acknowledged the send, the publication row goes
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
                                .param("%" + id + "%")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void committedChangeIsPublishedAndConsumedExactlyOnceEvenWhenDeliveredTwice() {
        String id = "m-" + UUID.randomUUID();
        writer.write(new Notes.NoteRequest(id, "hello"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(id) == 1);
        List<ConsumerRecord<String, String>> published =
                TestKafka.records(Topics.MEMBER, v -> v.contains(id), 1, Duration.ofSeconds(10));
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().key()).isEqualTo(id);
        assertThat(published.getFirst().value())
                .contains("\"type\":\"member.registered\"", "\"source\":\"common-test\"");

        double duplicatesBefore = duplicates();
        TestKafka.send(Topics.MEMBER, id, published.getFirst().value());
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        assertThat(seen(id)).isEqualTo(1);
    }

    @Test
    void aTransactionsEventsAreWrittenTogetherJustBeforeItCommitsAsModulithReadsThem() {
        String prefix = "m-" + UUID.randomUUID();
        List<String> ids = List.of(prefix + "-1", prefix + "-2", prefix + "-3");
        List<Integer> storedBeforeCommit = new ArrayList<>();
        List<String> readBackByModulith = new ArrayList<>();

        tx.executeWithoutResult(status -> {
            ids.forEach(id -> events.publish(new MemberRegistered(id, Instant.now())));
            storedBeforeCommit.add(publicationsOf(prefix));
            // runs after the outbox's own before-commit step, still inside the transaction
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    storedBeforeCommit.add(publicationsOf(prefix));
                    publications.findIncompletePublications().stream()
                            .filter(p -> String.valueOf(p.getEvent()).contains(prefix))
                            .forEach(p -> readBackByModulith.add(p.getStatus() + " " + p.getCompletionAttempts()));
                }
            });
        });

        assertThat(storedBeforeCommit).containsExactly(0, 3);
        assertThat(readBackByModulith).containsExactly("PUBLISHED 1", "PUBLISHED 1", "PUBLISHED 1");
        assertThat(TestKafka.records(Topics.MEMBER, v -> v.contains(prefix), 3, Duration.ofSeconds(30)))
                .hasSize(3);
    }

    @Test
    void anInnerTransactionWritesItsOwnEventsWhenItCommitsWhateverTheOuterOneDoes() {
        String outer = "m-" + UUID.randomUUID();
        String inner = "m-" + UUID.randomUUID();
        var requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    events.publish(new MemberRegistered(outer, Instant.now()));
                    requiresNew.executeWithoutResult(
                            innerStatus -> events.publish(new MemberRegistered(inner, Instant.now())));
                    throw new IllegalStateException("the outer transaction rolls back");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(TestKafka.records(Topics.MEMBER, v -> v.contains(inner), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        // the outer event is not in the outbox (never stored, or sent already), so the topic holds all there will be
        assertThat(publicationsOf(outer)).isZero();
        assertThat(TestKafka.recordsUpToNow(Topics.MEMBER, v -> v.contains(outer)))
                .isEmpty();
    }

    private double duplicates() {
        return meters.counter("unimember.consumer.duplicates", "consumer", "notes")
                .count();
    }

    private int publicationsOf(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
                .param("%" + text + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        String id = "m-" + UUID.randomUUID();
        assertThatThrownBy(() -> writer.writeThenFail(new Notes.NoteRequest(id, "doomed")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM note WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
                        .param("%" + id + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        // nothing in the outbox (never stored, or sent already): the topic holds all there will be
        assertThat(TestKafka.recordsUpToNow(Topics.MEMBER, v -> v.contains(id))).isEmpty();
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String marker = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.MEMBER, marker, "{not an envelope " + marker);
        assertThat(TestKafka.records(
                        Topics.deadLetter(Topics.MEMBER), v -> v.contains(marker), 1, Duration.ofSeconds(30)))
                .hasSize(1);

        String id = "m-" + UUID.randomUUID();
        writer.write(new Notes.NoteRequest(id, "after the poison"));
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(id) == 1);
    }

    @Test
    void anEventThatFailsBecauseTheDatabaseIsAwayIsRetriedUntilItApplies() {
        String id = "transient-" + UUID.randomUUID();
        listener.failFor = "transient-";
        listener.transientFailuresLeft.set(6);

        writer.write(new Notes.NoteRequest(id, "retry me"));

        await().atMost(Duration.ofSeconds(60)).until(() -> seen(id) == 1);
        assertThat(listener.transientFailuresLeft.get()).isNegative();
        // applied, so done with: a dead letter for it would have been written before that
        assertThat(TestKafka.recordsUpToNow(Topics.deadLetter(Topics.MEMBER), v -> v.contains(id)))
                .isEmpty();
    }

    @Test
    void replayedKeyReturnsTheOriginalAndADifferentBodyIsAConflict() {
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        String key = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + member + "\",\"text\":\"first\"}";

        var first = post("/api/v1/notes", token, key, body);
        var replay = post("/api/v1/notes", token, key, body);
        var conflict = post("/api/v1/notes", token, key, "{\"id\":\"" + member + "\",\"text\":\"second\"}");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(replay.getStatusCode().value()).isEqualTo(201);
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody()).contains("\"code\":\"IDEMPOTENCY_CONFLICT\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note WHERE id = ?")
                        .param(member)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsA400ProblemNamingTheFields() {
        String token = TestTokens.member("m-" + UUID.randomUUID());

        var invalid = post(
                "/api/v1/notes", token, "k-" + UUID.randomUUID(), "{\"id\":\"\",\"text\":\"" + "x".repeat(201) + "\"}");
        var malformed = post("/api/v1/notes", token, "k-" + UUID.randomUUID(), "{\"id\":");
        var wrongType = post("/api/v1/notes", token, "k-" + UUID.randomUUID(), "{\"id\":[1],\"text\":\"t\"}");
        var huge = post("/api/v1/notes", token, "k-" + UUID.randomUUID(), "{\"id\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody())
                .contains("VALIDATION_FAILED", "\"field\":\"id\"", "\"field\":\"text\"", "traceId");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("MALFORMED_REQUEST");
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongType.getBody()).contains("\"field\":\"id\"");
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void numbersAreReadStrictly() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        String path = "/api/v1/notes/amounts";

        assertThat(post(path, token, "k", "{\"amountFen\":1200,\"urgent\":true}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        for (String body : List.of(
                "{\"amountFen\":\"1200\",\"urgent\":true}",
                "{\"amountFen\":12.5,\"urgent\":true}",
                "{\"amountFen\":null,\"urgent\":true}",
                "{\"amountFen\":true,\"urgent\":true}",
                "{\"amountFen\":1200,\"urgent\":\"yes\"}",
                "{\"amountFen\":1200,\"urgent\":1}",
                "{\"amountFen\":99999999999999999999,\"urgent\":true}")) {
            var response = post(path, token, "k", body);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(response.getBody()).as(body).contains("\"code\":\"VALIDATION_FAILED\"");
        }
    }

    @Test
    void aBadDateNamesItsFieldAndAnIdMustBeAString() {
        String token = TestTokens.member("m-" + UUID.randomUUID());

        var badDate = post("/api/v1/notes/dated", token, "k", "{\"day\":\"2026-13-45\"}");
        var numericId = post("/api/v1/notes", token, "k-" + UUID.randomUUID(), "{\"id\":123,\"text\":\"t\"}");

        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody()).contains("\"field\":\"day\"");
        assertThat(numericId.getStatusCode().value()).isEqualTo(400);
        assertThat(numericId.getBody()).contains("\"field\":\"id\"");
    }

    @Test
    void aPublicPathIgnoresAStaleTokenAndA429CarriesRetryAfter() {
        String expired = TestTokens.builder().scope("member").expired().build();

        var response = post("/api/v1/public/ping", expired, "k", "{}");

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("42");
        assertThat(response.getBody()).contains("\"code\":\"SLOW_DOWN\"");
    }

    @Test
    void noFreeDatabaseConnectionIsA503TheClientMayRetryNotA500() {
        for (String path : List.of("/api/v1/public/no-connection", "/api/v1/public/connection-lost")) {
            var response = post(path, null, "k", "{}");

            assertThat(response.getStatusCode().value()).as(path).isEqualTo(503);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(response.getBody()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
            assertThat(response.getBody()).doesNotContain("JDBC");
        }
    }

    @Test
    void tokensAreCheckedByTheServiceItself() {
        var none = post("/api/v1/notes", null, "k1", "{}");
        var expired = post(
                "/api/v1/notes",
                TestTokens.builder()
                        .scope("member")
                        .claim("member_id", "m")
                        .expired()
                        .build(),
                "k1",
                "{}");
        var wrongIssuer = post(
                "/api/v1/notes",
                TestTokens.builder().issuer("http://evil").scope("member").build(),
                "k1",
                "{}");
        var wrongAudience = post(
                "/api/v1/notes",
                TestTokens.builder().audience("other").scope("member").build(),
                "k1",
                "{}");
        var otherKey = post(
                "/api/v1/notes",
                TestTokens.builder()
                        .signedWith(TestTokens.newKeyPair().getPrivate(), TestTokens.KID)
                        .build(),
                "k1",
                "{}");
        var memberAtBuPath = post("/api/v1/bu/notes", TestTokens.member("m-1"), "k1", "{}");

        for (var response : List.of(none, expired, wrongIssuer, wrongAudience, otherKey)) {
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getBody()).contains("\"code\":\"UNAUTHORIZED\"");
        }
        assertThat(memberAtBuPath.getStatusCode().value()).isEqualTo(403);
        assertThat(memberAtBuPath.getBody()).contains("\"code\":\"INSUFFICIENT_SCOPE\"");
        assertThat(none.getHeaders().getFirst("X-Request-Id")).isNotBlank();
    }

    @Test
    void aRequestIsMeasuredAsARequestNotOncePerSecurityFilter() {
        var answer = post("/api/v1/notes", TestTokens.member("m-" + UUID.randomUUID()), "k-" + UUID.randomUUID(), "{}");
        assertThat(answer.getStatusCode().value()).isLessThan(500);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meters.find("http.server.requests")
                        .tag("uri", "/api/v1/notes")
                        .timer())
                .isNotNull());
        assertThat(meters.getMeters())
                .extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    private org.springframework.http.ResponseEntity<String> post(String path, String token, String key, String body) {
        return http().send(HttpMethod.POST, path, token, body, Map.of("Idempotency-Key", key));
    }

    private int seen(String memberId) {
        return jdbc.sql("SELECT COALESCE(MAX(times), 0) FROM note_seen WHERE member_id = ?")
                .param(memberId)
                .query(Integer.class)
                .single();
    }
}
