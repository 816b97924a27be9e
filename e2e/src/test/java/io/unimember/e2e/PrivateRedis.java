package io.unimember.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A redis-server of the test's own on a free port, which a fault test may stop without touching anyone else's. */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path log;
    private Process process;

    PrivateRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    int port() {
        return port;
    }

    void start() {
        try {
            process = new ProcessBuilder(List.of(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is needed for the end-to-end tests", e);
        }
        await().atMost(Duration.ofSeconds(60)) // a process start on a loaded box
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Ports.listening(port));
    }

    void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
