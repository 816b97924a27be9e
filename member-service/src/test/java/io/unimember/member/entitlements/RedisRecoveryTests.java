package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberTestBeans;
import io.unimember.member.RedisAt;
import io.unimember.member.TcpProxy;
import io.unimember.member.TestApi;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis goes away while a change is applied, and comes back still holding the old view: the service must answer
 * from MySQL meanwhile, rewrite the stale copy, and only then read Redis again, never serving the old view.
 */
@IntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
@Import(MemberTestBeans.class)
class RedisRecoveryTests {

    static final TcpProxy PROXY = TcpProxy.to(
                    TestInfrastructure.get().redisHost(),
                    TestInfrastructure.get().redisPort())
            .start();

    @TestConfiguration(proxyBeanMethods = false)
    static class RedisThroughProxy {

        @Bean
        LettuceConnectionFactory redisConnectionFactory() {
            return RedisAt.port("127.0.0.1", PROXY.port());
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    TierEventsListener tierEvents;

    @Autowired
    ViewCache cache;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LookupListener listener;

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void afterAnOutageTheStaleCopyIsRewrittenBeforeTheCacheIsReadAgain() {
        TestEvents events = new TestEvents(json, codec);
        String memberId = TestEvents.newMemberId();
        String token = api.memberToken(memberId);
        StringRedisTemplate realRedis = realRedis();
        tierEvents.on(events.batch(events.envelope(TestEvents.gold(memberId, 1))));
        assertThat(tierOf(token)).isEqualTo("GOLD");
        assertThat(realRedis.opsForValue().get("member:ent:" + memberId)).startsWith("R|1|");

        PROXY.stop();
        tierEvents.on(events.batch(events.envelope(TestEvents.tier(memberId, "PLATINUM", "铂金", "1.3", 9000, 2))));

        assertThat(tierOf(token)).isEqualTo("PLATINUM");
        assertThat(cache.state()).isEqualTo(ViewCache.State.DEGRADED);
        // Redis kept the old view: reading it now would be stale
        assertThat(realRedis.opsForValue().get("member:ent:" + memberId))
                .startsWith("R|1|")
                .contains("GOLD");

        PROXY.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(tierOf(token)).isEqualTo("PLATINUM"); // never the stale view, at any point of recovery
                    return cache.state() == ViewCache.State.HEALTHY;
                });

        assertThat(realRedis.opsForValue().get("member:ent:" + memberId))
                .startsWith("R|2|")
                .contains("PLATINUM");
        double cachedBefore = cachedLookups();
        assertThat(tierOf(token)).isEqualTo("PLATINUM");
        assertThat(cachedLookups()).isEqualTo(cachedBefore + 1);
    }

    @Test
    void theLookupListenerAnswersFromMysqlDuringAnOutageAndFromRedisAgainAfter() throws Exception {
        TestEvents events = new TestEvents(json, codec);
        String memberId = TestEvents.newMemberId();
        String token = api.memberToken(memberId);
        tierEvents.on(events.batch(events.envelope(TestEvents.gold(memberId, 1))));
        // the listener's event loops open their own Redis connections (through the proxy) with their first GETs
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            double before = cachedLookups();
            return listenerTierOf(token).equals("GOLD") && cachedLookups() == before + 1;
        });

        PROXY.stop(); // cuts the listener's connections too
        tierEvents.on(events.batch(events.envelope(TestEvents.tier(memberId, "PLATINUM", "铂金", "1.3", 9000, 2))));

        assertThat(listenerTierOf(token)).isEqualTo("PLATINUM");
        assertThat(cache.state()).isEqualTo(ViewCache.State.DEGRADED);

        PROXY.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(listenerTierOf(token)).isEqualTo("PLATINUM"); // never the stale view
                    return cache.state() == ViewCache.State.HEALTHY;
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            double before = cachedLookups();
            return listenerTierOf(token).equals("PLATINUM") && cachedLookups() == before + 1;
        });
    }

    /** A lookup straight to the lookup listener: 200, or the test fails (a 421 would mean it could not answer). */
    private String listenerTierOf(String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + listener.port() + "/api/v1/members/me/entitlements"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body()).get("tier").get("code").asString();
    }

    private String tierOf(String token) {
        var response = api.get("/api/v1/members/me/entitlements", token);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return json.readTree(response.getBody()).get("tier").get("code").asString();
    }

    private double cachedLookups() {
        return meters.get("unimember.entitlement.lookup")
                .tag("source", "redis")
                .timer()
                .count();
    }

    private static StringRedisTemplate realRedis() {
        LettuceConnectionFactory factory = RedisAt.port(
                TestInfrastructure.get().redisHost(), TestInfrastructure.get().redisPort());
        factory.afterPropertiesSet();
        factory.start();
        return new StringRedisTemplate(factory);
    }
}
