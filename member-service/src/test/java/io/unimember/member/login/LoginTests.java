package io.unimember.member.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.member.CapturingSmsSender;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

class LoginTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    CapturingSmsSender sms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void theFirstLoginRegistersTheMemberAndAnnouncesItOnce() {
        String phone = TestApi.newPhone();

        Map<String, Object> first = api.login(phone);
        clearRateLimitWindow(phone);
        Map<String, Object> second = api.login(phone);

        String memberId = (String) first.get("member_id");
        assertThat(memberId).matches("m_[a-z2-7]{20}");
        assertThat(second.get("member_id")).isEqualTo(memberId);
        assertThat(first)
                .containsEntry("token_type", "Bearer")
                .containsEntry("scope", "member")
                .containsEntry("expires_in", 900)
                .containsKeys("access_token", "refresh_token");
        // once the outbox holds nothing of the member's, the topic holds every member.registered there will be
        TestOutbox.awaitSent(dataSource, memberId);
        var published =
                TestKafka.recordsUpToNow(Topics.MEMBER, v -> v.contains(memberId) && v.contains("member.registered"));
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().key()).isEqualTo(memberId);
    }

    @Test
    void phonesAreStoredOnlyHashedMaskedAndEncrypted() {
        String phone = TestApi.newPhone();
        Map<String, Object> tokens = api.login(phone);
        String memberId = (String) tokens.get("member_id");

        Map<String, Object> row = jdbc.sql("SELECT * FROM member WHERE member_id = ?")
                .param(memberId)
                .query()
                .singleRow();

        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(phone.substring(3)));
        assertThat(row.get("phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        var me = api.get("/api/v1/members/me", (String) tokens.get("access_token"));
        assertThat(me.getBody()).doesNotContain(phone.substring(3));
    }

    @Test
    void aSecondCodeWithinTheWindowIs429WithRetryAfter() {
        String phone = TestApi.newPhone();
        var first = api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");

        var second = api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(first.getBody()).contains("\"phoneMasked\":\"" + phone.substring(0, 3) + "****");
        assertThat(second.getStatusCode().value()).isEqualTo(429);
        assertThat(second.getBody()).contains("\"code\":\"OTP_RATE_LIMITED\"");
        long retryAfter = Long.parseLong(second.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
    }

    @Test
    void aWrongCodeIsInvalidOtpAndFiveWrongOnesLockThePhone() {
        String phone = TestApi.newPhone();
        api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        String right = sms.lastCodeFor(phone);
        String wrong = right.equals("123456") ? "654321" : "123456";

        var firstWrong = login(phone, wrong);
        for (int i = 0; i < 3; i++) {
            login(phone, wrong);
        }
        var fifthWrong = login(phone, wrong);
        var rightAfterLock = login(phone, right);

        assertThat(firstWrong.getStatusCode().value()).isEqualTo(400);
        assertThat(firstWrong.getBody()).contains("\"code\":\"INVALID_OTP\"");
        assertThat(fifthWrong.getStatusCode().value()).isEqualTo(429);
        assertThat(fifthWrong.getBody()).contains("\"code\":\"OTP_LOCKED\"");
        assertThat(rightAfterLock.getStatusCode().value()).isEqualTo(429);
        assertThat(rightAfterLock.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotBlank();
        assertThat(api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(429);
    }

    @Test
    void aCodeWorksOnce() {
        String phone = TestApi.newPhone();
        api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        String code = sms.lastCodeFor(phone);

        var first = login(phone, code);
        var replay = login(phone, code);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(replay.getStatusCode().value()).isEqualTo(400);
        assertThat(replay.getBody()).contains("INVALID_OTP");
    }

    @Test
    void badLoginInputsAre400WithFieldErrors() {
        var notAPhone = api.post("/api/v1/auth/otp", null, "{\"phone\":\"12345\"}");
        var missingPhone = api.post("/api/v1/auth/otp", null, "{}");
        var wrongType = api.post("/api/v1/auth/otp", null, "{\"phone\":13812345678}");
        var malformed = api.post("/api/v1/auth/otp", null, "{\"phone\":");
        var longCode = api.post("/api/v1/auth/login", null, "{\"phone\":\"13812345678\",\"otp\":\"1234567\"}");
        var missingCode = api.post("/api/v1/auth/login", null, "{\"phone\":\"13812345678\"}");
        var hugePhone = api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + "1".repeat(5_000) + "\"}");

        assertThat(notAPhone.getStatusCode().value()).isEqualTo(400);
        assertThat(notAPhone.getBody()).contains("VALIDATION_FAILED", "\"field\":\"phone\"");
        assertThat(missingPhone.getBody()).contains("VALIDATION_FAILED", "\"field\":\"phone\"");
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("MALFORMED_REQUEST");
        assertThat(longCode.getBody()).contains("VALIDATION_FAILED", "\"field\":\"otp\"");
        assertThat(missingCode.getBody()).contains("\"field\":\"otp\"");
        assertThat(hugePhone.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anE164NumberWorksAndIsMasked() {
        String phone = "+44791" + String.format("%07d", (int) (Math.random() * 10_000_000));

        Map<String, Object> tokens = api.login(phone);
        var me = api.get("/api/v1/members/me", (String) tokens.get("access_token"));

        assertThat(me.getBody()).contains("\"phoneMasked\":\"+447****" + phone.substring(phone.length() - 4) + "\"");
    }

    private org.springframework.http.ResponseEntity<String> login(String phone, String code) {
        return api.post("/api/v1/auth/login", null, "{\"phone\":\"" + phone + "\",\"otp\":\"" + code + "\"}");
    }

    /** Lets the same phone ask for a second code at once, as if the minute had passed. */
    private void clearRateLimitWindow(String phone) {
        api.clearOtpLimits(phone);
    }
}
