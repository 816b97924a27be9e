package io.unimember.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The machine's MariaDB/MySQL and Redis, plus a real KRaft Kafka broker embedded in the test JVM. The database is
 * named {@code ut_<timestamp>_<random>} so concurrent runs never meet; databases of runs older than a day (killed
 * before they could clean up) are dropped on the way in.
 */
record LocalInfrastructure(
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String redisHost,
        int redisPort,
        String database,
        String serverUrl,
        EmbeddedKafkaKraftBroker kafka)
        implements Infrastructure {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    static LocalInfrastructure start() {
        String host = env("UNIMEMBER_TEST_DB_HOST", "127.0.0.1");
        String port = env("UNIMEMBER_TEST_DB_PORT", "3306");
        String user = env("UNIMEMBER_TEST_DB_USER", "root");
        String password = env("UNIMEMBER_TEST_DB_PASSWORD", "");
        String serverUrl = "jdbc:mysql://" + host + ":" + port
                + "/?allowPublicKeyRetrieval=true&useSSL=false&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
        String database = "ut_" + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 28), 36);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            dropStaleDatabases(s);
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Tests need MariaDB/MySQL at " + host + ":" + port + " (user " + user
                            + "). Run ./platform test, which starts it and creates the test user, or set UNIMEMBER_TEST_DB_*",
                    e);
        }
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        String jdbcUrl = "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?allowPublicKeyRetrieval=true&useSSL=false&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true";
        return new LocalInfrastructure(
                jdbcUrl,
                user,
                password,
                env("UNIMEMBER_TEST_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env("UNIMEMBER_TEST_REDIS_PORT", "6379")),
                database,
                serverUrl,
                kafka);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public void stop() {
        try {
            kafka.destroy();
        } catch (RuntimeException e) {
            // the JVM is exiting; the broker's files are in a temp directory
        }
        try (Connection c = DriverManager.getConnection(serverUrl, dbUser, dbPassword);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static void dropStaleDatabases(Statement s) throws SQLException {
        String dayAgo = LocalDateTime.now().minusDays(1).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (var rs = s.executeQuery("SHOW DATABASES LIKE 'ut\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.length() > 15 && name.substring(3, 15).compareTo(dayAgo) < 0) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
