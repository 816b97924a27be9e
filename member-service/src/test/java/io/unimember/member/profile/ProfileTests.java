package io.unimember.member.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProfileTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Test
    void aMemberReadsAndEditsTheirOwnProfile() {
        TestApi.Member member = api.newMember();

        var before = api.get("/api/v1/members/me", member.token());
        var patched = api.send(
                "PATCH", "/api/v1/members/me", member.token(), "{\"nickname\":\"小明\",\"birthday\":\"1990-05-01\"}");
        var nicknameOnly = api.send("PATCH", "/api/v1/members/me", member.token(), "{\"nickname\":\"Ming\"}");

        assertThat(before.getStatusCode().value()).isEqualTo(200);
        assertThat(before.getBody())
                .contains("\"memberId\":\"" + member.id() + "\"", "\"phoneMasked\":", "\"registeredAt\":");
        assertThat(patched.getStatusCode().value()).isEqualTo(200);
        assertThat(patched.getBody()).contains("\"nickname\":\"小明\"", "\"birthday\":\"1990-05-01\"");
        assertThat(nicknameOnly.getBody()).contains("\"nickname\":\"Ming\"", "\"birthday\":\"1990-05-01\"");
    }

    @Test
    void aBirthdayIsAnnouncedWithItsMonthAndDayOnly() {
        TestApi.Member member = api.newMember();

        api.send("PATCH", "/api/v1/members/me", member.token(), "{\"birthday\":\"1988-02-29\"}");
        api.send("PATCH", "/api/v1/members/me", member.token(), "{\"nickname\":\"no birthday here\"}");

        var announced = TestKafka.records(
                Topics.MEMBER,
                v -> v.contains("member.birthday_changed") && v.contains(member.id()),
                1,
                Duration.ofSeconds(30));
        assertThat(announced).hasSize(1);
        assertThat(announced.getFirst().value())
                .contains("\"monthDay\":\"02-29\"")
                .doesNotContain("1988");
    }

    @Test
    void aMemberOnlyEverSeesTheirOwnProfile() {
        TestApi.Member alice = api.newMember();
        TestApi.Member bob = api.newMember();
        api.send("PATCH", "/api/v1/members/me", alice.token(), "{\"nickname\":\"alice\"}");

        var asBob = api.get("/api/v1/members/me", bob.token());
        var bobPatches = api.send("PATCH", "/api/v1/members/me", bob.token(), "{\"nickname\":\"bob\"}");

        assertThat(asBob.getBody()).contains(bob.id()).doesNotContain(alice.id(), "alice");
        assertThat(bobPatches.getBody()).doesNotContain(alice.id());
        assertThat(api.get("/api/v1/members/me", alice.token()).getBody()).contains("\"nickname\":\"alice\"");
    }

    @Test
    void badProfileEditsAre400WithFieldErrors() {
        String token = api.newMember().token();

        var tooLong = api.send("PATCH", "/api/v1/members/me", token, "{\"nickname\":\"" + "x".repeat(33) + "\"}");
        var blank = api.send("PATCH", "/api/v1/members/me", token, "{\"nickname\":\"   \"}");
        var future = api.send(
                "PATCH",
                "/api/v1/members/me",
                token,
                "{\"birthday\":\"" + LocalDate.now().plusDays(2) + "\"}");
        var notADate = api.send("PATCH", "/api/v1/members/me", token, "{\"birthday\":\"yesterday\"}");
        var wrongType = api.send("PATCH", "/api/v1/members/me", token, "{\"nickname\":[1,2]}");
        var ancient = api.send("PATCH", "/api/v1/members/me", token, "{\"birthday\":\"1800-01-01\"}");
        var control = api.send("PATCH", "/api/v1/members/me", token, "{\"nickname\":\"a\\u0007b\"}");
        long started = System.nanoTime();
        var hugeBlank = api.send("PATCH", "/api/v1/members/me", token, "{\"nickname\":\"" + " ".repeat(60_000) + "\"}");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody()).contains("VALIDATION_FAILED", "\"field\":\"nickname\"");
        assertThat(blank.getBody()).contains("\"field\":\"nickname\"");
        assertThat(future.getBody()).contains("\"field\":\"birthday\"");
        assertThat(notADate.getStatusCode().value()).isEqualTo(400);
        assertThat(notADate.getBody()).contains("\"field\":\"birthday\"");
        assertThat(wrongType.getBody()).contains("\"field\":\"nickname\"");
        assertThat(ancient.getBody()).contains("\"field\":\"birthday\"");
        assertThat(control.getBody()).contains("\"field\":\"nickname\"");
        assertThat(hugeBlank.getStatusCode().value()).isEqualTo(400);
        assertThat(tookMillis).as("validation stays linear in the input").isLessThan(5_000);
    }

    @Test
    void anEmptyBirthdayIsRefusedAndChangesNothing() {
        TestApi.Member member = api.newMember();
        api.send("PATCH", "/api/v1/members/me", member.token(), "{\"birthday\":\"1990-05-01\"}");

        var empty = api.send("PATCH", "/api/v1/members/me", member.token(), "{\"birthday\":\"\"}");

        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody()).contains("VALIDATION_FAILED", "\"field\":\"birthday\"");
        assertThat(api.get("/api/v1/members/me", member.token()).getBody()).contains("\"birthday\":\"1990-05-01\"");
    }

    @Test
    void aMemberTokenForNoMemberIs404() {
        var response = api.get("/api/v1/members/me", api.tokenForUnknownMember());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).contains("MEMBER_NOT_FOUND");
    }
}
