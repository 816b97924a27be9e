package io.unimember.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.unimember.testsupport.TestInfrastructure;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Not a test (its name keeps it out of the suite): the Redis token buckets, {@link TokenBuckets}' Lua script against
 * Bucket4j's Lettuce buckets, 32 takes in flight, over 1,000 buckets and over one busy bucket (a BU's checkout fleet
 * shares one). Decision 0042. {@code ./mvnw -o verify -pl gateway -am -Dtest=RateLimitBench
 * -Dsurefire.failIfNoSpecifiedTests=false}, figures in the surefire output file.
 */
class RateLimitBench {

    private static final int TAKES = 60_000;
    private static final int IN_FLIGHT = 32;

    @Test
    void luaScriptAgainstBucket4j() throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create(
                TestInfrastructure.get().redisHost(), TestInfrastructure.get().redisPort()));
        var limit = new RateLimitProperties.Limit(2000, 4000, RateLimitProperties.Store.REDIS);
        var properties = new RateLimitProperties(
                true, limit, limit, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(1), 1, 1000);
        String[] args = {"2000", "4000"};
        BucketConfiguration config = limit.share(1);
        String run = UUID.randomUUID().toString();
        try (TokenBuckets lua = new TokenBuckets(() -> client, properties);
                StatefulRedisConnection<String, byte[]> redis =
                        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            AsyncProxyManager<String> bucket4j = Bucket4jLettuce.casBasedBuilder(redis)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                    .build()
                    .asAsync();
            for (int round = 0; round < 3; round++) {
                measure("lua, 1,000 buckets     ", k -> lua.take("rl-bench:{l" + run + k + "}", args)
                        .map(Decision::allowed));
                measure("bucket4j, 1,000 buckets", k -> b4j(bucket4j, "rl-bench:{b" + run + k + "}", config));
                measure("lua, one busy bucket     ", k -> lua.take("rl-bench:{lh" + run + "}", args)
                        .map(Decision::allowed));
                measure("bucket4j, one busy bucket", k -> b4j(bucket4j, "rl-bench:{bh" + run + "}", config));
            }
        } finally {
            client.shutdown();
        }
    }

    private static Mono<Boolean> b4j(AsyncProxyManager<String> buckets, String key, BucketConfiguration config) {
        return Mono.fromCompletionStage(
                        () -> buckets.builder().build(key, config).tryConsumeAndReturnRemaining(1))
                .map(probe -> Decision.of(probe).allowed());
    }

    private static void measure(String name, IntFunction<Mono<Boolean>> take) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong errors = new AtomicLong();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < TAKES; i++) {
            slots.acquire();
            take.apply(i % 1000).subscribe(allowed -> slots.release(), e -> {
                errors.incrementAndGet();
                slots.release();
            });
        }
        slots.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf(
                "%s: %,.0f takes/s, %.1f µs of this JVM's CPU per take, %d errors%n",
                name, TAKES * 1e9 / elapsed, cpu / 1000.0 / TAKES, errors.get());
    }
}
