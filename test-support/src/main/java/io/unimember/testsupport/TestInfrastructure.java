package io.unimember.testsupport;

import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The one switch between the two ways tests get real infrastructure: Testcontainers (MySQL 8.4, Redis, Kafka) when
 * a Docker engine answers, else the machine's MariaDB and Redis plus an embedded KRaft Kafka broker. Force either
 * with {@code UNIMEMBER_TEST_INFRA=containers|local}. Started once per test JVM; each run gets its own database,
 * dropped when the JVM exits.
 */
public final class TestInfrastructure {

    private static volatile Infrastructure instance;

    private TestInfrastructure() {}

    public static Infrastructure get() {
        Infrastructure local = instance;
        if (local == null) {
            synchronized (TestInfrastructure.class) {
                local = instance;
                if (local == null) {
                    local = start();
                    instance = local;
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
                }
            }
        }
        return local;
    }

    /** This test JVM's own name, for what it keeps in the shared Redis. */
    private static final String RUN = java.util.UUID.randomUUID().toString();

    /** Spring properties that point a service at the test infrastructure and the test token issuer. */
    public static Map<String, Object> springProperties() {
        Infrastructure infra = get();
        return Map.ofEntries(
                Map.entry("spring.datasource.url", infra.jdbcUrl()),
                Map.entry("spring.datasource.username", infra.dbUser()),
                Map.entry("spring.datasource.password", infra.dbPassword()),
                Map.entry("spring.data.redis.host", infra.redisHost()),
                Map.entry("spring.data.redis.port", infra.redisPort()),
                Map.entry("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers()),
                Map.entry("unimember.security.issuer", TestTokens.ISSUER),
                Map.entry("unimember.security.jwks-uri", TestJwks.uri()),
                Map.entry("unimember.outbox.resubmit-every", "PT1S"),
                Map.entry("unimember.outbox.resubmit-older-than", "PT2S"),
                Map.entry("unimember.kafka.partitions", 3),
                // tests wait on chains of hops, one after another: fetches answer within 20 ms, not the 250 ms the
                // platform waits to keep its idle consumers cheap (decision 0023)
                Map.entry("spring.kafka.consumer.fetch-max-wait", "20ms"),
                // the cached entitlement views and member-service's leases under a namespace of this run's own
                // (decision 0024), so that runs sharing one Redis never read each other's leases
                Map.entry("unimember.entitlement-cache.namespace", "test-" + RUN + ":member:view:1"),
                // risk control's policy, frozen members and counts likewise (decision 0062)
                Map.entry("unimember.risk.namespace", "test-" + RUN + ":risk:"));
    }

    private static Infrastructure start() {
        String mode = System.getenv().getOrDefault("UNIMEMBER_TEST_INFRA", "auto");
        boolean containers =
                switch (mode) {
                    case "containers" -> true;
                    case "local" -> false;
                    default -> dockerAvailable();
                };
        return containers ? ContainerInfrastructure.start() : LocalInfrastructure.start();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
