package io.unimember.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Reports orders as a BU would: concurrently, and retrying an order with the same id until the platform accepts it
 * (a BU that got a 503 or lost the connection retries; idempotency makes that safe). Counts what it saw.
 */
final class OrderLoad {

    record Totals(long orders, long accepted, long retries, Map<Integer, Long> statuses, double seconds) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String pointsUrl;
    private final String buToken;

    OrderLoad(String pointsUrl, String buToken) {
        this.pointsUrl = pointsUrl;
        this.buToken = buToken;
    }

    /**
     * Sends {@code perMember} orders of {@code amountFen} for each member, ids {@code prefix-<member>-<n>}, with at most
     * {@code concurrency} in flight; {@code progress} hears the count of accepted orders as it grows.
     */
    Totals run(
            List<String> members, int perMember, long amountFen, String prefix, int concurrency, LongConsumer progress)
            throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        Instant start = Instant.now();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < perMember; n++) {
                for (String member : members) {
                    inFlight.acquire();
                    String orderId = prefix + "-" + member.substring(Math.max(0, member.length() - 10)) + "-" + n;
                    pool.submit(() -> {
                        try {
                            send(member, orderId, amountFen, statuses, retries);
                            progress.accept(accepted.incrementAndGet());
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
        }
        return new Totals(
                (long) members.size() * perMember,
                accepted.get(),
                retries.get(),
                Map.copyOf(statuses),
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private void send(String member, String orderId, long amountFen, Map<Integer, Long> statuses, AtomicLong retries) {
        String body = "{\"orderId\":\"" + orderId + "\",\"memberId\":\"" + member + "\",\"amountFen\":" + amountFen
                + ",\"occurredAt\":\"" + Instant.now() + "\"}";
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp)) {
            int status;
            try {
                status = http.send(
                                HttpRequest.newBuilder(URI.create(pointsUrl + "/api/v1/bu/orders"))
                                        .timeout(Duration.ofSeconds(10))
                                        .header("Authorization", "Bearer " + buToken)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            statuses.merge(status, 1L, Long::sum);
            if (status == 201) {
                return;
            }
            // 404: points-service has not heard of the member's registration yet (MEMBER_NOT_FOUND, nothing written,
            // docs/api.md): a BU sends the same order again, as it does after a 503
            if (status >= 400 && status < 500 && status != 404) {
                throw new IllegalStateException("order " + orderId + " refused with " + status);
            }
            retries.incrementAndGet();
            Pause.of(Duration.ofMillis(100));
        }
        throw new IllegalStateException("order " + orderId + " not accepted within 3 minutes");
    }
}
