package io.unimember.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaExternalizerTests {

    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "completions"));

    @AfterEach
    void stop() {
        completions.shutdownNow();
    }

    @Test
    void whatFollowsAnAcknowledgedSendRunsOnTheCompletionThreadsNotTheProducers() throws Exception {
        CompletableFuture<String> sent = new CompletableFuture<>();
        AtomicReference<String> markedOn = new AtomicReference<>();
        CompletableFuture<String> marked = KafkaExternalizerConfiguration.offTheNetworkThread(sent, completions)
                .thenApply(result -> {
                    markedOn.set(Thread.currentThread().getName());
                    return result;
                });

        Thread producer = new Thread(() -> sent.complete("acked"), "kafka-producer-network-thread");
        producer.start();
        producer.join();

        assertThat(marked.get(30, TimeUnit.SECONDS)).isEqualTo("acked");
        assertThat(markedOn).hasValue("completions");
    }

    @Test
    void soDoesWhatFollowsAFailedSend() throws Exception {
        CompletableFuture<String> sent = new CompletableFuture<>();
        AtomicReference<String> failedOn = new AtomicReference<>();
        CompletableFuture<String> handled = KafkaExternalizerConfiguration.offTheNetworkThread(sent, completions)
                .exceptionallyCompose(e -> {
                    failedOn.set(Thread.currentThread().getName() + ": "
                            + e.getCause().getMessage());
                    return CompletableFuture.completedFuture("marked failed");
                });

        Thread producer = new Thread(
                () -> sent.completeExceptionally(new IllegalStateException("expired")),
                "kafka-producer-network-thread");
        producer.start();
        producer.join();

        assertThat(handled.get(30, TimeUnit.SECONDS)).isEqualTo("marked failed");
        assertThat(failedOn).hasValue("completions: expired");
    }
}
