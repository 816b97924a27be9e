package io.unimember.member.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.AdminActionRecorded;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log holds every service's admin writes: another service's {@code admin.action_recorded} is listed once
 * however often it is delivered, with the service it was made in, and can be filtered by that service.
 */
class AuditOfEveryServiceTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Test
    void anotherServicesAdminWriteIsListedOnceWithItsService() {
        String actor = "op-" + UUID.randomUUID().toString().substring(0, 8);
        String target = "period:" + UUID.randomUUID();
        EventEnvelope envelope = EventEnvelope.wrap(
                new AdminActionRecorded(
                        actor,
                        "OPERATOR",
                        "FINANCE",
                        "settlement-service",
                        "SETTLEMENT_PERIOD_CLOSED",
                        target,
                        null,
                        "{\"status\":\"CLOSED\"}",
                        Instant.parse("2026-12-07T10:00:00Z")),
                "settlement-service",
                Instant.now(),
                json);
        String wire = codec.toJson(envelope);
        String admin = api.adminToken();

        TestKafka.send(Topics.ADMIN, actor, wire);
        TestKafka.send(Topics.ADMIN, actor, wire); // delivered twice

        await().atMost(Duration.ofSeconds(30))
                .until(() -> entries(admin, "actor=" + actor).size() == 1);
        JsonNode entry = entries(admin, "actor=" + actor).get(0);
        assertThat(entry.path("service").asString()).isEqualTo("settlement-service");
        assertThat(entry.path("action").asString()).isEqualTo("SETTLEMENT_PERIOD_CLOSED");
        assertThat(entry.path("target").asString()).isEqualTo(target);
        assertThat(entry.path("role").asString()).isEqualTo("FINANCE");
        assertThat(entry.path("after").path("status").asString()).isEqualTo("CLOSED");
        assertThat(entry.path("at").asString()).startsWith("2026-12-07T10:00");
        assertThat(entries(admin, "service=settlement-service&actor=" + actor)).hasSize(1);
        assertThat(entries(admin, "service=coupon-service&actor=" + actor)).isEmpty();
        assertThat(api.get("/api/v1/admin/audit?service=NOT_A_SERVICE", admin)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void memberServicesOwnWritesNameItAsTheirService() {
        String admin = api.adminToken();
        String bu = "AUDIT"
                + UUID.randomUUID()
                        .toString()
                        .substring(0, 6)
                        .toUpperCase(Locale.ROOT)
                        .replace('-', 'X');

        var created =
                api.post("/api/v1/admin/business-units", admin, "{\"code\":\"" + bu + "\",\"name\":\"Audit test BU\"}");

        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode entry = entries(admin, "action=BUSINESS_UNIT_CREATED&limit=200").stream()
                .filter(e -> e.path("target").asString().equals(bu))
                .findFirst()
                .orElseThrow();
        assertThat(entry.path("service").asString()).isEqualTo("member-service");
    }

    private List<JsonNode> entries(String admin, String query) {
        JsonNode page =
                json.readTree(api.get("/api/v1/admin/audit?" + query, admin).getBody());
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
