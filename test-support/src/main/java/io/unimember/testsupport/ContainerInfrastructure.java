package io.unimember.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/** MySQL 8.4 (production's database), Redis 7 and Kafka 4 in containers, for machines with a Docker engine. */
record ContainerInfrastructure(MySQLContainer mysql, GenericContainer<?> redis, KafkaContainer kafka)
        implements Infrastructure {

    static ContainerInfrastructure start() {
        var mysql = new MySQLContainer(DockerImageName.parse("mysql:8.4"))
                .withDatabaseName("unimember")
                .withUsername("unimember")
                .withPassword("unimember");
        var redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
        var kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.2.2"));
        mysql.start();
        redis.start();
        kafka.start();
        return new ContainerInfrastructure(mysql, redis, kafka);
    }

    @Override
    public String jdbcUrl() {
        return mysql.getJdbcUrl() + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    @Override
    public String dbUser() {
        return mysql.getUsername();
    }

    @Override
    public String dbPassword() {
        return mysql.getPassword();
    }

    @Override
    public String redisHost() {
        return redis.getHost();
    }

    @Override
    public int redisPort() {
        return redis.getMappedPort(6379);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void stop() {
        kafka.stop();
        redis.stop();
        mysql.stop();
    }
}
