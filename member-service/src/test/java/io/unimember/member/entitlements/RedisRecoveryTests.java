package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.entitlements.CachedViews;
import io.unimember.common.entitlements.StoredView;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberTestBeans;
import io.unimember.member.RedisAt;
import io.unimember.member.TestApi;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TcpProxy;
import io.unimember.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis goes away while a change is applied, and comes back still holding the old view: the service must answer
 * from MySQL meanwhile, rewrite the stale copy, and only then read Redis again, never serving the old view.
 */
// a namespace of its own: it asks whether every lease in it runs, and other contexts' leases would answer too
@IntegrationTest(
        properties = {
            "spring.kafka.listener.auto-startup=false",
            CachedViews.NAMESPACE_PROPERTY + "=recovery-tests-${random.uuid}"
        })
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
    CachedViews keys;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

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
        assertThat(realRedis.opsForValue().get(keys.key(memberId))).startsWith("R|1|");

        PROXY.stop();
        tierEvents.on(events.batch(events.envelope(TestEvents.tier(memberId, "PLATINUM", "铂金", "1.3", 9000, 2))));

        assertThat(tierOf(token)).isEqualTo("PLATINUM");
        assertThat(cache.state()).isEqualTo(ViewCache.State.DEGRADED);
        // Redis kept the old view: reading it now would be stale
        assertThat(realRedis.opsForValue().get(keys.key(memberId)))
                .startsWith("R|1|")
                .contains("GOLD");

        PROXY.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(tierOf(token)).isEqualTo("PLATINUM"); // never the stale view, at any point of recovery
                    return cache.state() == ViewCache.State.HEALTHY;
                });

        assertThat(realRedis.opsForValue().get(keys.key(memberId)))
                .startsWith("R|2|")
                .contains("PLATINUM");
        double cachedBefore = cachedLookups();
        assertThat(tierOf(token)).isEqualTo("PLATINUM");
        assertThat(cachedLookups()).isEqualTo(cachedBefore + 1);
    }

    @Test
    void aReaderThatBelievesRedisOnlyWhileTheLeasesRunNeverSeesTheStaleView() {
        TestEvents events = new TestEvents(json, codec);
        String memberId = TestEvents.newMemberId();
        GatewayRule gateway = new GatewayRule(realRedis(), keys, json);
        tierEvents.on(events.batch(events.envelope(TestEvents.gold(memberId, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "GOLD".equals(gateway.tierOf(memberId)));

        PROXY.stop();
        tierEvents.on(events.batch(events.envelope(TestEvents.tier(memberId, "PLATINUM", "铂金", "1.3", 9000, 2))));

        // committed now; Redis still holds GOLD, and no reader may believe it any more
        assertThat(realRedis().opsForValue().get(keys.key(memberId))).contains("GOLD");
        assertThat(gateway.trusted()).isFalse();

        PROXY.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String tier = gateway.tierOf(memberId);
                    assertThat(tier).isIn(null, "PLATINUM"); // never the stale view, at any point of recovery
                    return "PLATINUM".equals(tier);
                });
        assertThat(cache.state()).isEqualTo(ViewCache.State.HEALTHY);
    }

    /** The gateway's rule (decision 0024): a view from Redis only while every writer's lease runs; null: ask. */
    record GatewayRule(StringRedisTemplate redis, CachedViews keys, JsonMapper json) {

        @SuppressWarnings("rawtypes")
        private static final RedisScript<List> READ_META = RedisScript.of(CachedViews.READ_META_SCRIPT, List.class);

        boolean trusted() {
            return CachedViews.Meta.of(redis.execute(READ_META, List.of(keys.meta())))
                            .trustedForMillis()
                    > 0;
        }

        @Nullable
        String tierOf(String memberId) {
            if (!trusted()) {
                return null;
            }
            return CachedViews.parse(redis.opsForValue().get(keys.key(memberId))) instanceof CachedViews.Value.View view
                    ? json.readValue(view.json(), StoredView.class).tier().code()
                    : null;
        }
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
