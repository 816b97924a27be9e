package io.unimember.settlement.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.settlement.SettlementServiceApplication;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestInfrastructureInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The service hosting webhooks goes away mid-outage, with deliveries owed, one batch of them claimed by a sender
 * that dies holding them, and events on Kafka it has not read; another instance (a second application context on
 * the same database and Kafka) takes over. The receiver still sees every event once in effect, in order per member and topic.
 */
@SettlementIntegrationTest
class WebhookRestartTests {

    @Autowired
    Fixture fixture;

    @Autowired
    TestClock clock;

    @Autowired
    Environment environment;

    @Autowired
    WebhookSender sender;

    @Autowired
    Deliveries deliveries;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anotherInstanceDeliversWhatTheStoppedOneOwedAndHadNotRead() throws Exception {
        Events events = new Events(fixture);
        String bu = Hooks.newBu();
        String m1 = Events.newMember();
        String m2 = Events.newMember();
        try (Receiver receiver = Receiver.start()) {
            receiver.down();
            clock.set(Instant.now());
            String webhookId = register(bu, receiver);
            List<EventEnvelope> before = List.of(
                    events.earned(m1, bu, 1),
                    events.earned(m2, bu, 2),
                    events.earned(m1, bu, 3),
                    events.earned(m2, bu, 4),
                    events.earned(m1, bu, 5));
            fixture.send(before);
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(webhookId) == before.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refused() >= 2);

            // the instance dies: its sender stops, its webhook consumer with it, and a sender that was mid-round
            // holds the members' next deliveries under its lease
            sender.stop();
            listeners.getListenerContainer("settlement-webhooks").stop();
            clock.advance(Duration.ofMinutes(5));
            List<Delivery> orphaned = deliveries.claim(
                    "crashed-instance", clock.instant(), clock.instant().plus(Duration.ofMinutes(1)), 100);
            assertThat(orphaned).hasSize(2);
            List<EventEnvelope> unread =
                    List.of(events.earned(m1, bu, 6), events.redeemed(m2, bu, "HOTEL"), events.earned(m2, bu, 8));
            fixture.send(unread);
            receiver.up();

            ConfigurableApplicationContext other = new SpringApplicationBuilder(SettlementServiceApplication.class)
                    .initializers(new TestInfrastructureInitializer(), context -> context.getBeanFactory()
                            .registerSingleton("testClock", clock))
                    .properties("server.port=0", "unimember.webhooks.allow-private-targets=true")
                    .run();
            try {
                List<EventEnvelope> all = new ArrayList<>(before);
                all.addAll(unread);
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            clock.advance(Duration.ofSeconds(10));
                            return receiver.eventIds().size() == all.size();
                        });

                assertThat(receiver.eventIds()).containsExactlyInAnyOrderElementsOf(WebhookDeliveryTests.ids(all));
                assertThat(receiver.all())
                        .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
                assertThat(receiver.firstReceiptsByMember())
                        .containsExactlyInAnyOrderEntriesOf(WebhookDeliveryTests.byMember(all));
            } finally {
                other.close();
                listeners.getListenerContainer("settlement-webhooks").start();
                sender.start();
            }
        }
    }

    private String register(String bu, Receiver receiver) {
        var created = TestHttp.to(environment)
                .post(
                        "/api/v1/bu/webhooks",
                        Hooks.bu(bu),
                        "{\"url\":\"" + receiver.url() + "\",\"events\":" + WebhookDeliveryTests.ALL_EVENTS + "}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode body = fixture.tree(created.getBody());
        receiver.secret(body.get("secret").asString());
        return body.get("webhookId").asString();
    }

    private long pending(String webhookId) {
        return fixture.jdbc()
                .sql("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ? AND status = 'PENDING'")
                .param(webhookId)
                .query(Long.class)
                .single();
    }
}
