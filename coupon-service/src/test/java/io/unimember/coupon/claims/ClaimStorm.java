package io.unimember.coupon.claims;

import io.unimember.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires concurrent claims over real HTTP, all released at once. A claimer that loses its connection or gets a 5xx
 * (the service restarting under it) tries again with the same Idempotency-Key, as a real client would, until it
 * gets an answer: a 201 with a coupon or a 409 with a reason.
 */
final class ClaimStorm {

    record Claimer(String memberId, String key) {}

    record Outcome(Claimer claimer, int status, String code, String couponId, long nanos, int attempts) {}

    record Result(List<Outcome> outcomes, long elapsedNanos) {

        double claimsPerSecond() {
            return outcomes.size() / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            List<Long> sorted = outcomes.stream().map(Outcome::nanos).sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        Map<String, Integer> answers() {
            Map<String, Integer> counts = new TreeMap<>();
            for (Outcome o : outcomes) {
                counts.merge(o.status() + (o.code().isEmpty() ? "" : " " + o.code()), 1, Integer::sum);
            }
            return counts;
        }

        List<Outcome> issued() {
            return outcomes.stream().filter(o -> o.status() == 201).toList();
        }

        String summary() {
            return "%d claims in %.0f ms: %.0f claims/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; answers %s"
                    .formatted(
                            outcomes.size(),
                            elapsedNanos / 1e6,
                            claimsPerSecond(),
                            percentileMillis(50),
                            percentileMillis(99),
                            outcomes.stream()
                                            .map(Outcome::nanos)
                                            .max(Comparator.naturalOrder())
                                            .orElse(0L)
                                    / 1e6,
                            answers());
        }
    }

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern COUPON_ID = Pattern.compile("\"couponId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final Function<String, String> tokens;
    private final AtomicInteger answered = new AtomicInteger();
    private final Duration giveUpAfter;

    ClaimStorm(Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();
        this.tokens = member -> cache.computeIfAbsent(member, TestTokens::member);
    }

    /** How many claimers have their final answer so far. */
    int answered() {
        return answered.get();
    }

    /** Every claimer at once. */
    Result fire(int port, String templateId, List<Claimer> claimers) throws Exception {
        return fire(port, templateId, claimers, claimers.size());
    }

    /** {@code concurrency} clients released at once, each working through its share of the claimers in turn. */
    Result fire(int port, String templateId, List<Claimer> claimers, int concurrency) throws Exception {
        claimers.forEach(c -> tokens.apply(c.memberId()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                List<Claimer> share = new ArrayList<>();
                for (int i = w; i < claimers.size(); i += concurrency) {
                    share.add(claimers.get(i));
                }
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Outcome> outcomes = new ArrayList<>();
                    for (Claimer claimer : share) {
                        outcomes.add(claim(port, templateId, claimer));
                    }
                    return outcomes;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                outcomes.addAll(f.get());
            }
            return new Result(outcomes, System.nanoTime() - began);
        }
    }

    private Outcome claim(int port, String templateId, Claimer claimer) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/coupons/claims"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.apply(claimer.memberId()))
                .header("Idempotency-Key", claimer.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"templateId\":\"" + templateId + "\"}"))
                .build();
        long began = System.nanoTime();
        long deadline = began + giveUpAfter.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500 || System.nanoTime() > deadline) {
                    answered.incrementAndGet();
                    return new Outcome(
                            claimer,
                            response.statusCode(),
                            response.statusCode() >= 400 ? find(CODE, response.body()) : "",
                            find(COUPON_ID, response.body()),
                            System.nanoTime() - began,
                            attempts);
                }
            } catch (IOException connectionLost) {
                if (System.nanoTime() > deadline) {
                    answered.incrementAndGet();
                    return new Outcome(claimer, -1, "NO_ANSWER", "", System.nanoTime() - began, attempts);
                }
            }
            Thread.sleep(100); // a real client's back-off before it tries again, not a wait for something
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
