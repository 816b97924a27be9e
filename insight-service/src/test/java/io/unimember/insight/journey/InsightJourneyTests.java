package io.unimember.insight.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.Topics;
import io.unimember.insight.InsightIntegrationTest;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Through the real broker: an admin defines a rule tag, a manual tag and a segment; a member's events arrive on the
 * services' topics; the profile, the segment topic, the segment's size and the day's figures show them.
 */
@InsightIntegrationTest
class InsightJourneyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment environment;

    @Test
    void eventsOnTheTopicsBecomeAProfileASegmentAndTheDaysFigures() {
        TestHttp http = TestHttp.to(environment);
        String admin = TestTokens.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rule = "diner_" + suffix;
        String manual = "vip_" + suffix;
        assertThat(http.post(
                                "/api/v1/admin/tags",
                                admin,
                                """
                        {"name":"%s","kind":"RULE","expression":"orders30(DINE_IN) >= 1 AND orders30(ENTERTAINMENT) >= 1"}"""
                                        .formatted(rule))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.post(
                                "/api/v1/admin/tags",
                                admin,
                                """
                        {"name":"%s","kind":"MANUAL","description":"hand-picked"}"""
                                        .formatted(manual))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> segment = http.post(
                "/api/v1/admin/segments",
                admin,
                """
                {"name":"diners %s","expression":"%s AND NOT stage = DORMANT"}"""
                        .formatted(suffix, rule));
        assertThat(segment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String segmentId = json(segment).path("segmentId").asString();

        String member = "m-" + UUID.randomUUID();
        String campaign = "T-" + suffix;
        Instant now = Instant.now();
        TestKafka.send(
                Topics.MEMBER,
                member,
                envelope(
                        "member.registered",
                        member,
                        now,
                        """
                {"memberId":"%s","registeredAt":"%s"}""".formatted(member, now)));
        TestKafka.send(Topics.ORDER, member, order(member, "DINE_IN", "o1-" + suffix, 12800, now));
        TestKafka.send(Topics.ORDER, member, order(member, "ENTERTAINMENT", "o2-" + suffix, 6000, now));
        TestKafka.send(
                Topics.COUPON,
                member,
                envelope(
                        "coupon.issued",
                        member,
                        now,
                        """
                {"memberId":"%s","couponId":"c-%s","templateId":"%s","issuedAt":"%s"}"""
                                .formatted(member, suffix, campaign, now)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> profile = http.get("/api/v1/admin/members/" + member + "/profile", admin);
            assertThat(profile.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json(profile);
            assertThat(body.path("frequency30").asInt()).isEqualTo(2);
            assertThat(body.path("monetaryFen90").asLong()).isEqualTo(18800);
            assertThat(body.path("stage").asString()).isEqualTo("NEW");
            assertThat(body.path("tags").toString()).contains(rule);
            assertThat(body.path("segments").toString()).contains(segmentId);
        });

        assertThat(http.post(
                                "/api/v1/admin/members/" + member + "/tags",
                                admin,
                                """
                        {"tag":"%s"}""".formatted(manual))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(json(http.get("/api/v1/admin/members/" + member + "/profile", admin))
                        .path("tags")
                        .toString())
                .contains(manual, rule);
        assertThat(json(http.get("/api/v1/admin/tags/" + manual + "/audit", admin))
                        .path("items")
                        .toString())
                .contains("MEMBER_TAGGED", member);

        assertThat(TestKafka.records(
                        "segment.members.v1", v -> v != null && v.contains(member), 1, Duration.ofSeconds(30)))
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(segmentId + ":" + member));

        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(json(http.get("/api/v1/admin/segments/" + segmentId, admin))
                            .path("size")
                            .asLong())
                    .isEqualTo(1);
            JsonNode daily = json(http.get("/api/v1/admin/insight/daily?date=" + today, admin));
            assertThat(daily.path("campaigns").toString())
                    .contains("{\"campaign\":\"%s\",\"issued\":1,\"redeemed\":0,\"costFen\":0}".formatted(campaign));
            assertThat(daily.path("membersByStage").path("NEW").asLong()).isPositive();
        });
    }

    @Test
    void onlyAnAdminReadsInsight() {
        TestHttp http = TestHttp.to(environment);
        assertThat(http.get("/api/v1/admin/insight/daily?date=2026-03-01", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.get("/api/v1/admin/members/m1/profile", TestTokens.member("m1"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/admin/tags", TestTokens.bu("DINE_IN")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        TestHttp http = TestHttp.to(environment);
        String admin = TestTokens.admin();
        assertProblem(http.get("/api/v1/admin/insight/daily?date=yesterday", admin), 400, null);
        assertProblem(http.get("/api/v1/admin/insight/monthly", admin), 400, null);
        assertProblem(
                http.get("/api/v1/admin/insight/liability?from=2026-03-02&to=2026-03-01", admin), 400, "RANGE_INVALID");
        assertProblem(
                http.post(
                        "/api/v1/admin/tags",
                        admin,
                        """
                        {"name":"bad_rule","kind":"RULE","expression":"frequency30 >>= 1"}"""),
                400,
                "EXPRESSION_INVALID");
        assertProblem(
                http.post(
                        "/api/v1/admin/tags",
                        admin,
                        """
                        {"name":"Bad Name","kind":"MANUAL"}"""),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/admin/segments",
                        admin,
                        """
                        {"name":"ghosts","expression":"no_such_tag"}"""),
                400,
                "TAG_NOT_FOUND");
        // 503 INSIGHT_UNAVAILABLE while the topology is still starting (a real answer, retried as a client would)
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertProblem(
                        http.get("/api/v1/admin/members/no-such-member/profile", admin), 404, "MEMBER_NOT_FOUND"));
        assertProblem(http.get("/api/v1/admin/members/bad%20id/profile", admin), 400, null);
        assertProblem(http.get("/api/v1/admin/segments/seg_missing", admin), 404, "SEGMENT_NOT_FOUND");
        assertProblem(
                http.send(HttpMethod.DELETE, "/api/v1/admin/members/m1/tags/no_such_tag", admin, null),
                404,
                "TAG_NOT_FOUND");
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).contains("problem+json");
        if (code != null) {
            assertThat(json(response).path("code").asString()).isEqualTo(code);
        }
    }

    static String order(String member, String bu, String orderId, long fen, Instant at) {
        return envelope(
                "order.completed",
                member,
                at,
                """
                {"memberId":"%s","bu":"%s","orderId":"%s","amountFen":%d,"occurredAt":"%s","pointsEarned":0}"""
                        .formatted(member, bu, orderId, fen, at));
    }

    static String envelope(String type, String member, Instant at, String data) {
        return """
                {"eventId":"%s","type":"%s","occurredAt":"%s","memberId":"%s","source":"test","version":1,"data":%s}"""
                .formatted(UUID.randomUUID(), type, at, member, data);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }
}
