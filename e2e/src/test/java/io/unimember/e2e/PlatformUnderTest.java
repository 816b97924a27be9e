package io.unimember.e2e;

import static org.awaitility.Awaitility.await;

import io.unimember.testsupport.TcpProxy;
import io.unimember.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * All six apps as real processes from their packaged jars, like {@code ./platform up} runs them, but on free ports,
 * with databases of their own ({@code ut_<stamp>_e2e<random>_<schema>}), a Kafka broker process, a Redis of their
 * own and the database behind a proxy, so fault tests can restart Kafka, stop Redis, cut the database, and stop,
 * kill (SIGKILL) and restart apps, and start more instances of an app ({@link #startInstance}). One platform serves
 * every e2e test class of the JVM ({@link #shared()}); it is stopped and its databases dropped when the JVM exits. The
 * jobs that must run once however many instances run them (points expiry, the tier downgrade) are scheduled every
 * 2 s here, so a test sees them run.
 */
final class PlatformUnderTest implements AutoCloseable {

    private static PlatformUnderTest shared;

    static synchronized PlatformUnderTest shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "e2e-platform-stop"));
        }
        return shared;
    }

    static final List<String> SERVICES = List.of(
            "member-service",
            "points-service",
            "coupon-service",
            "tier-service",
            "settlement-service",
            "insight-service");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path root = repositoryRoot();
    private final Path logs = root.resolve("e2e/target/e2e-logs");
    private final String dbPrefix = "ut_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
            + "_e2e" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Extra instances of an app (see {@link #startInstance}): instance name to app, and their own settings. */
    private final Map<String, String> instances = new LinkedHashMap<>();

    private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private KafkaBroker kafka;
    private PrivateRedis redis;
    private TcpProxy database;

    static PlatformUnderTest start() {
        PlatformUnderTest platform = new PlatformUnderTest();
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String app : List.of(
                "gateway",
                "member-service",
                "points-service",
                "coupon-service",
                "tier-service",
                "settlement-service",
                "insight-service")) {
            ports.put(app, freePort());
        }
        var infra = TestInfrastructure.get();
        String server = infra.jdbcUrl().substring("jdbc:mysql://".length());
        String[] hostPort = server.substring(0, server.indexOf('/')).split(":");
        database = TcpProxy.on(freePort(), hostPort[0], Integer.parseInt(hostPort[1]))
                .start();
        redis = new PrivateRedis(freePort(), logs.resolve("redis.log"));
        redis.start();
        kafka = KafkaBroker.start(logs.resolve("kafka-" + dbPrefix), freePort(), freePort());
        start("member-service");
        awaitHealthy("member-service");
        for (String app : List.of(
                "points-service",
                "coupon-service",
                "tier-service",
                "settlement-service",
                "insight-service",
                "gateway")) {
            start(app);
        }
        for (String app : ports.keySet()) {
            awaitHealthy(app);
        }
    }

    String gatewayUrl() {
        return url("gateway");
    }

    String url(String app) {
        return "http://127.0.0.1:" + ports.get(app);
    }

    /**
     * Starts another instance of {@code app} (or starts it again) under its own name: its own port and log, the same
     * database and Kafka consumer group; {@code settings} (property to value) override the usual arguments, e.g. a
     * gateway's {@code unimember.services.points}.
     */
    void startInstance(String instance, String app, Map<String, String> settings) {
        instances.put(instance, app);
        this.settings.put(instance, Map.copyOf(settings));
        ports.computeIfAbsent(instance, i -> freePort());
        start(instance);
    }

    Path log(String instance) {
        return logs.resolve(instance + ".log");
    }

    int port(String instance) {
        return ports.get(instance);
    }

    void start(String instance) {
        String app = instances.getOrDefault(instance, instance);
        Path jar = root.resolve(app).resolve("target").resolve(app + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: the e2e tests run after `./mvnw package` built the apps");
        }
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString()));
        Map<String, String> arguments = arguments(instance, app);
        arguments.putAll(settings.getOrDefault(instance, Map.of()));
        arguments.forEach((property, value) -> command.add("--" + property + "=" + value));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(log(instance).toFile()))
                    .start();
            processes.put(instance, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + instance, e);
        }
    }

    /** A graceful stop (SIGTERM), as a deployment would do. */
    void stop(String app) {
        Process process = processes.remove(app);
        if (process != null) {
            process.destroy();
            waitFor(process);
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill(String app) {
        Process process = processes.remove(app);
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    void awaitHealthy(String app) {
        await().atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    Process process = processes.get(app);
                    if (process != null && !process.isAlive()) {
                        throw new IllegalStateException(
                                app + " exited with " + process.exitValue() + "; see " + logs.resolve(app + ".log"));
                    }
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(url(app) + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("UP");
                });
    }

    String database(String schema) {
        return dbPrefix + "_" + schema;
    }

    /** Each app's arguments as property to value (one value per property: a repeated option would be a list). */
    private Map<String, String> arguments(String instance, String app) {
        var infra = TestInfrastructure.get();
        String member = url("member-service");
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", Integer.toString(ports.get(instance)));
        args.put("spring.profiles.active", "demo");
        args.put("spring.data.redis.host", "127.0.0.1");
        args.put("spring.data.redis.port", Integer.toString(redis.port()));
        args.put("unimember.security.issuer", member);
        args.put("unimember.security.jwks-uri", member + "/oauth2/jwks");
        args.put("unimember.outbox.resubmit-older-than", "PT10S");
        args.put("unimember.kafka.partitions", "3");
        args.put("logging.file.name", "");
        if (app.equals("gateway")) {
            // the tests are the proxy before the gateway: an X-Forwarded-For they send names the client (risk control)
            args.put("unimember.gateway.trusted-proxies", "127.0.0.1/32");
            for (String service : SERVICES) {
                args.put("unimember.services." + service.replace("-service", ""), url(service));
            }
            return args;
        }
        args.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        // names each instance's consumers in the group (<instance>-<n>), so tests can tell who owns which partition
        args.put("spring.kafka.consumer.client-id", instance);
        args.put("spring.datasource.url", jdbcUrl(database(app.replace("-service", ""))));
        args.put("spring.datasource.username", infra.dbUser());
        args.put("spring.datasource.password", infra.dbPassword());
        // on a box busy with other builds the first connection can take longer than the pool waits: retry it
        args.put("spring.flyway.connect-retries", "5");
        // the jobs that must run once however many instances run them, often enough for a test to see a run
        if (app.equals("points-service")) {
            args.put("unimember.points.expiry-every", "PT2S");
            // a rebalance waits until every consumer is back in poll(), i.e. done with the batch it holds: on a busy
            // box 500 records (the default) kept the group rebalancing for minutes in the scale-out tests
            args.put("spring.kafka.consumer.max-poll-records", "50");
        }
        if (app.equals("insight-service")) {
            // its Kafka Streams state (RocksDB) of this run only, beside the logs
            args.put(
                    "spring.kafka.streams.state-dir",
                    logs.resolve("insight-state-" + instance + "-" + dbPrefix).toString());
        }
        if (app.equals("tier-service")) {
            // daily in production; it works once per month (job_run), so ticking often only checks that row
            args.put("unimember.tier.jobs.downgrade-cron", "*/2 * * * * *");
        }
        return args;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    PrivateRedis redis() {
        return redis;
    }

    TcpProxy database() {
        return database;
    }

    /** A JDBC URL of one app's database, straight to the server (not through the proxy), for checking invariants. */
    String directJdbcUrl(String schema) {
        String server = TestInfrastructure.get().jdbcUrl();
        return server.substring(0, server.indexOf('/', "jdbc:mysql://".length())) + "/" + database(schema)
                + "?allowPublicKeyRetrieval=true&useSSL=false&connectionTimeZone=UTC";
    }

    private String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + this.database.port() + "/" + database
                + "?createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true&useSSL=false&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true";
    }

    @Override
    public void close() {
        for (String app : new ArrayList<>(processes.keySet())) {
            stop(app);
        }
        var infra = TestInfrastructure.get();
        try (var c = DriverManager.getConnection(
                        directJdbcUrl("member").replace("/" + database("member"), "/"),
                        infra.dbUser(),
                        infra.dbPassword());
                var s = c.createStatement()) {
            for (String service : SERVICES) {
                s.execute("DROP DATABASE IF EXISTS `" + database(service.replace("-service", "")) + "`");
            }
        } catch (SQLException e) {
            System.err.println("could not drop e2e databases " + dbPrefix + "_*: " + e.getMessage());
        }
        for (AutoCloseable resource : new AutoCloseable[] {kafka, redis, database}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.err.println("could not stop " + resource + ": " + e.getMessage());
            }
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        return dir.getFileName().toString().equals("e2e") ? dir.getParent() : dir;
    }
}
