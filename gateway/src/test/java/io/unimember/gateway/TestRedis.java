package io.unimember.gateway;

import io.unimember.testsupport.TestInfrastructure;

/**
 * Where the tests' Redis is. The gateway needs only Redis, so on the local setup it reads the same variables as
 * test-support's local infrastructure instead of starting its Kafka broker and database for nothing; with
 * containers it asks test-support.
 */
final class TestRedis {

    private TestRedis() {}

    static String host() {
        return containers() ? TestInfrastructure.get().redisHost() : env("UNIMEMBER_TEST_REDIS_HOST", "127.0.0.1");
    }

    static int port() {
        return containers()
                ? TestInfrastructure.get().redisPort()
                : Integer.parseInt(env("UNIMEMBER_TEST_REDIS_PORT", "6379"));
    }

    private static boolean containers() {
        return "containers".equals(System.getenv("UNIMEMBER_TEST_INFRA"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
