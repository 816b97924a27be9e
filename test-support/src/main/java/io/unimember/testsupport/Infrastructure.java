package io.unimember.testsupport;

/** Where the tests' database, Redis and Kafka are. */
public interface Infrastructure {

    String jdbcUrl();

    String dbUser();

    String dbPassword();

    String redisHost();

    int redisPort();

    String kafkaBootstrapServers();

    void stop();
}
