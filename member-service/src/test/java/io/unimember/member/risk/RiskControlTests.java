package io.unimember.member.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.risk.RiskPolicies;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk control's home: rules as audited data published to every service, the decision at registration (refused,
 * parked, allowed), the review queue and its decisions, and freezing.
 */
class RiskControlTests extends MemberIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestApi api;

    @Autowired
    RiskPolicies policies;

    @Autowired
    FrozenMembers frozen;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFourthRegistrationOnOneDeviceIsRefusedWithNothingThatTeachesAndIsRecorded() {
        String device = "farm-" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        String refusal = null;
        for (int i = 0; i < 5; i++) {
            var answer = api.loginFrom(TestApi.newPhone(), device, null);
            statuses.add(answer.getStatusCode().value());
            if (answer.getStatusCode().value() == 403) {
                refusal = answer.getBody();
            }
        }
        var signedInAgain = api.loginFrom(TestApi.newPhone(), "other-" + UUID.randomUUID(), null);

        assertThat(statuses).containsExactly(200, 200, 200, 403, 403);
        assertThat(refusal).contains("RISK_DENIED").doesNotContain("device", "registrations-per-device");
        assertThat(signedInAgain.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM risk_decision WHERE outcome = 'DENY' AND signals LIKE :d")
                        .param("d", "%" + device + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aParkedRegistrationAnswers202UntilAnOperatorApprovesItInTheQueue() throws Exception {
        String admin = api.adminToken();
        String ruleId = "test-review-" + UUID.randomUUID().toString().substring(0, 8);
        String ip = "198.18." + (int) (Math.random() * 250) + ".7";
        var created = api.post("/api/v1/admin/risk/rules", admin, rule(ruleId, "IP_RANGE", 0, 60, true));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String phone = TestApi.newPhone();
        try {
            await().atMost(WAIT).until(() -> policies.current().rules().stream().anyMatch(r -> r.id().equals(ruleId)));

            var parked = api.loginFrom(phone, null, ip);
            JsonNode answer = JSON.readTree(parked.getBody());
            String reviewId = answer.path("reviewId").asString();
            var again = api.loginFrom(phone, null, null);
            JsonNode review = await().atMost(WAIT).until(() -> openReview(admin, reviewId), r -> r != null);
            String memberId = review.path("memberId").asString();
            boolean frozenWhileParked = frozen.isFrozen(memberId);
            var approved = api.post("/api/v1/admin/risk/reviews/" + reviewId + "/approve", admin, "{}");
            var approvedTwice = api.post("/api/v1/admin/risk/reviews/" + reviewId + "/approve", admin, "{}");
            await().atMost(WAIT).until(() -> !frozen.isFrozen(memberId));
            var afterwards = api.loginFrom(phone, null, null);

            assertThat(parked.getStatusCode().value()).as(parked.getBody()).isEqualTo(202);
            assertThat(answer.path("status").asString()).isEqualTo("PENDING_REVIEW");
            assertThat(parked.getBody()).doesNotContain("access_token");
            assertThat(again.getStatusCode().value()).isEqualTo(202);
            assertThat(review.path("checkpoint").asString()).isEqualTo("REGISTRATION");
            assertThat(review.path("service").asString()).isEqualTo("member-service");
            assertThat(review.path("rules").path("test rule " + ruleId).asLong())
                    .isEqualTo(1);
            assertThat(frozenWhileParked).isTrue();
            assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
            assertThat(JSON.readTree(approved.getBody()).path("status").asString())
                    .isEqualTo("APPROVED");
            assertThat(approvedTwice.getStatusCode().value()).isEqualTo(409);
            assertThat(approvedTwice.getBody()).contains("REVIEW_DECIDED");
            assertThat(afterwards.getStatusCode().value())
                    .as(afterwards.getBody())
                    .isEqualTo(200);
            assertThat(afterwards.getBody()).contains("access_token");
        } finally {
            api.send("PUT", "/api/v1/admin/risk/rules/" + ruleId, admin, rule(ruleId, "IP_RANGE", 0, 60, false));
        }
    }

    @Test
    void rulesAreAuditedVersionedPublishedAndCheckedOnTheWayIn() throws Exception {
        String admin = api.adminToken();
        String ruleId = "test-rule-" + UUID.randomUUID().toString().substring(0, 8);
        long before = JSON.readTree(api.get("/api/v1/admin/risk/rules", admin).getBody())
                .path("version")
                .asLong();

        var created = api.post("/api/v1/admin/risk/rules", admin, rule(ruleId, "DEVICE", 5, 10, false));
        var duplicate = api.post("/api/v1/admin/risk/rules", admin, rule(ruleId, "DEVICE", 5, 10, false));
        var updated =
                api.send("PUT", "/api/v1/admin/risk/rules/" + ruleId, admin, rule(ruleId, "DEVICE", 7, 10, false));
        var unknown =
                api.send("PUT", "/api/v1/admin/risk/rules/no-such-rule", admin, rule(null, "DEVICE", 7, 10, false));
        var badWindow = api.post(
                "/api/v1/admin/risk/rules",
                admin,
                rule(null, "DEVICE", 7, 10, false).replace("\"PT1H\"", "\"PT1S\""));
        var badDimension = api.post("/api/v1/admin/risk/rules", admin, rule(null, "SHOE_SIZE", 7, 10, false));
        var badThresholds = api.send("PUT", "/api/v1/admin/risk/thresholds", admin, "{\"reviewAt\":90,\"denyAt\":80}");
        var member = api.post("/api/v1/admin/risk/rules", api.newMember().token(), rule(null, "DEVICE", 7, 10, false));
        JsonNode policy =
                JSON.readTree(api.get("/api/v1/admin/risk/rules", admin).getBody());
        var audit = api.get("/api/v1/admin/audit?action=RISK_RULE_UPDATED&limit=200", admin);

        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(updated.getStatusCode().value()).as(updated.getBody()).isEqualTo(200);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(badWindow.getStatusCode().value()).isEqualTo(400);
        assertThat(badWindow.getBody()).contains("window");
        assertThat(badDimension.getStatusCode().value()).isEqualTo(400);
        assertThat(badThresholds.getStatusCode().value()).isEqualTo(400);
        assertThat(member.getStatusCode().value()).isEqualTo(403);
        assertThat(policy.path("version").asLong()).isEqualTo(before + 2);
        assertThat(policy.path("rules").toString()).contains(ruleId).contains("registrations-per-device");
        await().atMost(WAIT).until(() -> policies.current().version() == before + 2);
        assertThat(policies.current().rules()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(ruleId);
            assertThat(r.threshold()).isEqualTo(7);
        });
        assertThat(audit.getBody()).contains(ruleId);
    }

    @Test
    void aFrozenMemberIsInEveryServicesSetUntilUnfrozenAndRejectingWithFreezeFreezes() throws Exception {
        String admin = api.adminToken();
        var member = api.newMember();

        var frozenNow = api.post("/api/v1/admin/members/" + member.id() + "/freeze", admin, "{\"reason\":\"test\"}");
        boolean inTheSet = frozen.isFrozen(member.id());
        var unfrozen = api.post("/api/v1/admin/members/" + member.id() + "/unfreeze", admin, "{}");
        var unknown = api.post("/api/v1/admin/members/m_nobody/freeze", admin, "{}");
        var badId = api.post("/api/v1/admin/members/not%20an%20id/freeze", admin, "{}");
        var byMember = api.post("/api/v1/admin/members/" + member.id() + "/freeze", member.token(), "{}");

        assertThat(frozenNow.getStatusCode().value()).as(frozenNow.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(frozenNow.getBody()).path("frozen").asBoolean())
                .isTrue();
        assertThat(inTheSet).isTrue();
        assertThat(JSON.readTree(unfrozen.getBody()).path("frozen").asBoolean()).isFalse();
        assertThat(frozen.isFrozen(member.id())).isFalse();
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(badId.getStatusCode().value()).isEqualTo(400);
        assertThat(byMember.getStatusCode().value()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit?action=MEMBER_FROZEN&limit=200", admin)
                        .getBody())
                .contains(member.id());
    }

    @Test
    void bulkDecisionsDecideTheOpenOnesSkipTheRestAndMayFreeze() throws Exception {
        String admin = api.adminToken();
        String ruleId = "test-bulk-" + UUID.randomUUID().toString().substring(0, 8);
        String ip = "198.19." + (int) (Math.random() * 250) + ".9";
        api.post("/api/v1/admin/risk/rules", admin, rule(ruleId, "IP_RANGE", 0, 60, true));
        try {
            await().atMost(WAIT).until(() -> policies.current().rules().stream().anyMatch(r -> r.id().equals(ruleId)));
            String first = JSON.readTree(
                            api.loginFrom(TestApi.newPhone(), null, ip).getBody())
                    .path("reviewId")
                    .asString();
            String second = JSON.readTree(
                            api.loginFrom(TestApi.newPhone(), null, ip).getBody())
                    .path("reviewId")
                    .asString();
            JsonNode queued = await().atMost(WAIT).until(() -> openReview(admin, second), r -> r != null);
            await().atMost(WAIT).until(() -> openReview(admin, first), r -> r != null);
            String unknown = UUID.randomUUID().toString();

            var bulk = api.post(
                    "/api/v1/admin/risk/reviews/decisions",
                    admin,
                    "{\"reviewIds\":[\"" + first + "\",\"" + second + "\",\"" + unknown
                            + "\"],\"approve\":false,\"freeze\":true}");
            var tooMany =
                    api.post("/api/v1/admin/risk/reviews/decisions", admin, "{\"reviewIds\":[],\"approve\":true}");
            JsonNode result = JSON.readTree(bulk.getBody());
            String memberId = queued.path("memberId").asString();

            assertThat(bulk.getStatusCode().value()).as(bulk.getBody()).isEqualTo(200);
            assertThat(result.path("decided").size()).isEqualTo(2);
            assertThat(result.path("skipped").toString()).contains(unknown);
            assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
            await().atMost(WAIT).until(() -> frozen.isFrozen(memberId));
            assertThat(jdbc.sql("SELECT state FROM member_risk_state WHERE member_id = :m")
                            .param("m", memberId)
                            .query(String.class)
                            .single())
                    .isEqualTo("FROZEN");
            assertThat(api.get("/api/v1/admin/risk/reviews?status=REJECTED&checkpoint=REGISTRATION", admin)
                            .getBody())
                    .contains(first, second);
        } finally {
            api.send("PUT", "/api/v1/admin/risk/rules/" + ruleId, admin, rule(ruleId, "IP_RANGE", 0, 60, false));
        }
    }

    private JsonNode openReview(String admin, String reviewId) {
        JsonNode page = JSON.readTree(
                api.get("/api/v1/admin/risk/reviews?limit=200", admin).getBody());
        for (JsonNode item : page.path("items")) {
            if (item.path("reviewId").asString().equals(reviewId)) {
                return item;
            }
        }
        return null;
    }

    private static String rule(String id, String dimension, int threshold, int score, boolean enabled) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"name\":\"test rule " + id + "\","
                + "\"checkpoint\":\"REGISTRATION\",\"counter\":\"REGISTRATIONS\",\"dimension\":\"" + dimension
                + "\",\"window\":\"PT1H\",\"threshold\":" + threshold + ",\"score\":" + score + ",\"enabled\":"
                + enabled + "}";
    }
}
