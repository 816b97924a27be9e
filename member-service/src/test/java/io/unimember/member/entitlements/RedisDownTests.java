package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberTestBeans;
import io.unimember.member.RedisAt;
import io.unimember.member.TestApi;
import io.unimember.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with Redis gone (its connection points at a closed port): lookups answer from MySQL, still correct;
 * code requests are not rate limited rather than refused. Events are applied by calling the listeners directly.
 */
@IntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
@Import(MemberTestBeans.class)
class RedisDownTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class NoRedis {

        @Bean
        LettuceConnectionFactory redisConnectionFactory() {
            return RedisAt.port("127.0.0.1", closedPort());
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    TierEventsListener tierEvents;

    @Autowired
    PointsEventsListener pointsEvents;

    @Autowired
    CouponEventsListener couponEvents;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Test
    void lookupsAnswerCorrectlyFromMysqlWhenRedisIsDown() {
        TestEvents events = new TestEvents(json, codec);
        String memberId = TestEvents.newMemberId();
        String token = api.memberToken(memberId);
        String coupon = "c-" + UUID.randomUUID();

        tierEvents.on(events.batch(events.envelope(TestEvents.gold(memberId, 1))));
        pointsEvents.on(events.batch(events.envelope(TestEvents.earned(memberId, 800, 0, 1))));
        couponEvents.on(events.batch(events.envelope(TestEvents.fixed(memberId, coupon, 1500, 0, List.of("ALL")))));
        var first = api.get("/api/v1/members/me/entitlements?scene=HOTEL&amountFen=9000", token);
        pointsEvents.on(events.batch(events.envelope(TestEvents.earned(memberId, 950, 0, 2))));
        var second = api.get("/api/v1/members/me/entitlements", token);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        JsonNode view = json.readTree(first.getBody());
        assertThat(view.get("tier").get("code").asString()).isEqualTo("GOLD");
        assertThat(view.get("points").get("available").asLong()).isEqualTo(800);
        assertThat(view.get("coupons").get(0).get("discountFen").asLong()).isEqualTo(1500);
        assertThat(json.readTree(second.getBody())
                        .get("points")
                        .get("available")
                        .asLong())
                .isEqualTo(950);
        // what Redis missed is queued, to be rewritten before the cache is read again
        assertThat(jdbc.sql("SELECT row_version FROM entitlement_cache_repair WHERE member_id = ?")
                        .param(memberId)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aMemberWithoutEventsStillGetsTheDefaultView() {
        var response = api.get("/api/v1/members/me/entitlements", api.memberToken(TestEvents.newMemberId()));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(response.getBody()).get("tier").get("code").asString())
                .isEqualTo("REGULAR");
    }

    @Test
    void codeRequestsFailOpenAndLoginStillWorks() {
        String phone = TestApi.newPhone();

        var first = api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        var second = api.post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        var login = api.login(phone);

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(second.getStatusCode().value()).isEqualTo(202);
        assertThat(login.get("member_id")).isNotNull();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
