package io.unimember.settlement.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Posts due deliveries, signed, and records the outcome: a round claims a batch (each the oldest pending delivery of
 * its endpoint and member, leased so another instance leaves it alone), sends them all at once, then marks the 2xx
 * ones delivered and the rest due again after a doubling backoff, or dead once their retry window is over. Redirects
 * are failures, never followed. An endpoint without a success for {@code pause-after-failing} is paused and its
 * owner told. At least once: an instance that dies between sending and recording sends again once the lease ends.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final Notices notices;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final String instance = UUID.randomUUID().toString();
    private volatile boolean running;
    private final List<Thread> loops = new ArrayList<>();
    private @Nullable Instant lastSweep;

    WebhookSender(
            Deliveries deliveries, Endpoints endpoints, Notices notices, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** One round over all members: claims, sends and records a batch. Answers how many deliveries it attempted. */
    int round() {
        return round(0, 1);
    }

    /** One round of worker {@code worker} of {@code workers}. */
    int round(int worker, int workers) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<Delivery> batch =
                deliveries.claim(instance, now, now.plus(properties.lease()), properties.batchSize(), worker, workers);
        if (batch.isEmpty()) {
            if (worker == 0) {
                upkeep(now);
            }
            return 0;
        }
        long claimed = System.nanoTime();
        Semaphore inFlight = new Semaphore(properties.concurrency());
        List<CompletableFuture<@Nullable String>> outcomes = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            inFlight.acquireUninterruptibly();
            outcomes.add(send(d).whenComplete((outcome, e) -> inFlight.release()));
        }
        outcomes.forEach(CompletableFuture::join);
        long sent = System.nanoTime();
        Instant done = clock.instant();
        List<Long> delivered = new ArrayList<>();
        List<Deliveries.Failure> failed = new ArrayList<>();
        Set<String> answering = new HashSet<>();
        Set<String> failing = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Delivery d = batch.get(i);
            String error = outcomes.get(i).join();
            if (error == null) {
                delivered.add(d.deliveryId());
                answering.add(d.webhookId());
            } else {
                failing.add(d.webhookId());
                failed.add(new Deliveries.Failure(d.deliveryId(), retryAt(d, done), error));
            }
        }
        failing.removeAll(answering);
        deliveries.delivered(delivered, done);
        deliveries.failed(failed);
        endpoints.succeeded(answering);
        endpoints.failed(failing, done);
        if (worker == 0) {
            upkeep(done);
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "round of {}: claim {} ms, send {} ms, record {} ms",
                    batch.size(),
                    (claimed - started) / 1_000_000,
                    (sent - claimed) / 1_000_000,
                    (System.nanoTime() - sent) / 1_000_000);
        }
        return batch.size();
    }

    /** Null when acknowledged (2xx), else what went wrong. */
    private CompletableFuture<@Nullable String> send(Delivery d) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Unimember-Webhooks/1")
                    .header("Unimember-Event-Id", d.eventId())
                    .header("Unimember-Event-Type", d.eventType())
                    .header(
                            Signatures.HEADER,
                            Signatures.header(d.secret(), clock.instant().getEpochSecond(), d.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.<@Nullable String>completedFuture("unusable url: " + e.getMessage());
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, e) -> {
            if (e != null) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        });
    }

    /** When to try again, or null once the retry window is over: then it is dead. */
    private @Nullable Instant retryAt(Delivery d, Instant now) {
        Instant next = now.plus(properties.backoffAfter(d.attempts() + 1));
        return next.isAfter(d.windowStart().plus(properties.retryWindow())) ? null : next;
    }

    /** Worker 0's: pauses endpoints failing too long; at most once a minute, dead-letters what paused ones were owed too long. */
    private void upkeep(Instant now) {
        pauseFailing(now);
        // a clock set back (an operator, a test) must not hold the sweep off until it catches up
        if (lastSweep == null || Duration.between(lastSweep, now).abs().compareTo(SWEEP_EVERY) >= 0) {
            lastSweep = now;
            int dead = deliveries.deadLetterPausedBefore(now.minus(properties.retryWindow()));
            if (dead > 0) {
                log.warn("{} deliveries to paused webhooks dead-lettered after {}", dead, properties.retryWindow());
            }
        }
    }

    private void pauseFailing(Instant now) {
        for (Endpoint e : endpoints.failingSince(now.minus(properties.pauseAfterFailing()))) {
            endpoints.pause(e.webhookId(), "FAILING");
            notices.tell(
                    e,
                    Notices.PAUSED_FAILING,
                    "no delivery to " + e.url() + " succeeded for " + properties.pauseAfterFailing()
                            + "; paused, deliveries are kept: resume it once it answers",
                    now);
            log.warn(
                    "webhook {} of {} paused: failing for {}",
                    e.webhookId(),
                    e.owner(),
                    properties.pauseAfterFailing());
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        int workers = properties.workers();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            loops.add(Thread.ofPlatform().daemon().name("webhook-sender-" + w).start(() -> loop(worker, workers)));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        // no interrupt: a round in a JDBC call finishes (and records what it sent) before its loop ends
        for (Thread t : loops) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        loops.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop(int worker, int workers) {
        while (running) {
            try {
                if (round(worker, workers) == 0) {
                    Thread.sleep(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("webhook round failed, trying again shortly: {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval().multipliedBy(5));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
