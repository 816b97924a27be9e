package io.unimember.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in its own JVM, from the Kafka jars on the test classpath, so a fault test can
 * stop it, kill it and start it again on the same port with the same data — which an in-JVM broker cannot do.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path config;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("server.properties");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(
                config,
                String.join(
                        "\n",
                        List.of(
                                "process.roles=broker,controller",
                                "node.id=1",
                                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                                "controller.listener.names=CONTROLLER",
                                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                                "log.dirs=" + dir.resolve("data"),
                                "num.partitions=3",
                                "offsets.topic.replication.factor=1",
                                "offsets.topic.num.partitions=3",
                                "transaction.state.log.replication.factor=1",
                                "transaction.state.log.min.isr=1",
                                "group.initial.rebalance.delay.ms=0",
                                "auto.create.topics.enable=true")));
    }

    static KafkaBroker start(Path dir, int port, int controllerPort) {
        try {
            KafkaBroker broker = new KafkaBroker(dir, port, controllerPort);
            broker.run(
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            broker.config.toString())
                    .waitFor();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void start() {
        process = run("kafka.Kafka", config.toString());
        Process started = process;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("Kafka exited; see " + dir.resolve("kafka.log"));
                    }
                    return Ports.listening(port);
                });
    }

    void stop() {
        if (process != null) {
            process.destroy();
            waitQuietly(process);
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            waitQuietly(process);
        }
    }

    private Process run(String main, String... args) {
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                main));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("kafka.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitQuietly(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
