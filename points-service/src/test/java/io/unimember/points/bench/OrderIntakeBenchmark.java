package io.unimember.points.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.unimember.testsupport.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives {@code POST /api/v1/bu/orders} against a running points-service at fixed rates, open loop (a request is
 * sent when its time comes, whether or not earlier ones have answered, and its latency counts from then, so a stall
 * shows in the percentiles), and prints orders/s and latency percentiles per rate. A 201 means the order, its points
 * and its events were committed; with {@code --jdbc} it also waits for the outbox to hand every event to Kafka.
 *
 * <p>Not a test: run it by hand, see points-service/BENCHMARK.md. It serves its own JWK set (on {@code --jwks-port})
 * and signs BU tokens with a fresh key, so start the service with
 * {@code --unimember.security.issuer=http://unimember.test --unimember.security.jwks-uri=http://127.0.0.1:<port>/oauth2/jwks}.
 */
public final class OrderIntakeBenchmark {

    private static final List<String> BUS =
            List.of("FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL");

    private record Step(int rate, long sent, long ok, long dropped, Map<Integer, Long> failures, Histogram latency) {}

    private final String url;
    private final int members;
    private final int maxInFlight;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, String> tokens = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final LeanHttp orders;
    private final AtomicLong sequence = new AtomicLong();

    private OrderIntakeBenchmark(String url, int members, int maxInFlight) {
        this.url = url;
        this.orders = new LeanHttp(URI.create(url));
        this.members = members;
        this.maxInFlight = maxInFlight;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:8082");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        List<Integer> rates = List.of(
                        options.getOrDefault("rates", "250,500,1000,1500").split(","))
                .stream()
                .map(Integer::parseInt)
                .toList();
        var bench = new OrderIntakeBenchmark(
                url,
                Integer.parseInt(options.getOrDefault("members", "20000")),
                Integer.parseInt(options.getOrDefault("max-in-flight", "2000")));
        String jwks = bench.serveKeys(Integer.parseInt(options.getOrDefault("jwks-port", "18089")));
        System.out.printf("run %s against %s; tokens verified through %s%n", bench.run, url, jwks);
        bench.awaitHealthy();

        bench.step(rates.getFirst(), warmup);
        System.out.printf("warm-up done (%d s at %d/s)%n%n", warmup, rates.getFirst());
        System.out.printf(
                "%8s %10s %10s %8s %8s %8s %8s %8s %9s  %s%n",
                "rate/s", "orders/s", "sent", "p50 ms", "p90 ms", "p99 ms", "p99.9", "max ms", "dropped", "errors");
        // name:pid or pid, comma-separated
        List<String> names = options.containsKey("cpu-pids")
                ? List.of(options.get("cpu-pids").split(","))
                : List.of();
        List<Long> pids = names.stream()
                .map(p -> Long.parseLong(p.substring(p.indexOf(':') + 1)))
                .toList();
        long self = ProcessHandle.current().pid();
        for (int rate : rates) {
            List<Long> cpuBefore =
                    pids.stream().map(OrderIntakeBenchmark::cpuMillis).toList();
            long selfBefore = cpuMillis(self);
            long[] boxBefore = boxTicks();
            Step step = bench.step(rate, seconds);
            List<Long> cpuAfter =
                    pids.stream().map(OrderIntakeBenchmark::cpuMillis).toList();
            long selfAfter = cpuMillis(self);
            long[] boxAfter = boxTicks();
            Histogram h = step.latency();
            System.out.printf(
                    "%8d %10.1f %10d %8.2f %8.2f %8.2f %8.2f %8.1f %9d  %s%n",
                    rate,
                    step.ok() / (double) seconds,
                    step.sent(),
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()),
                    step.dropped(),
                    step.failures());
            for (int i = 0; i < pids.size(); i++) {
                System.out.printf(
                        "         %s used %.2f CPU-ms per accepted order%n",
                        names.get(i).contains(":")
                                ? names.get(i).substring(0, names.get(i).indexOf(':'))
                                : "process " + pids.get(i),
                        (cpuAfter.get(i) - cpuBefore.get(i)) / (double) Math.max(1, step.ok()));
            }
            System.out.printf(
                    "         the load generator used %.2f CPU-ms per accepted order; the box was %.0f %% busy%n",
                    (selfAfter - selfBefore) / (double) Math.max(1, step.ok()),
                    100.0 * (boxAfter[0] - boxBefore[0]) / Math.max(1, boxAfter[1] - boxBefore[1]));
            if (options.containsKey("jdbc")) {
                bench.awaitOutboxDrained(options.get("jdbc"));
            }
        }
        System.exit(0);
    }

    /** Sends {@code rate} orders a second for {@code seconds}, then waits for the last answers. */
    private Step step(int rate, int seconds) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long total = (long) rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire()) {
                    dropped.incrementAndGet();
                    continue;
                }
                senders.submit(() -> {
                    try {
                        int status = send();
                        if (status == 201) {
                            ok.incrementAndGet();
                        } else {
                            failures.merge(status, 1L, Long::sum);
                        }
                    } catch (Exception e) {
                        failures.merge(-1, 1L, Long::sum);
                    } finally {
                        recorder.recordValue(Math.max(0, System.nanoTime() - due));
                        inFlight.release();
                    }
                });
            }
        }
        return new Step(rate, total, ok.get(), dropped.get(), failures, recorder.getIntervalHistogram());
    }

    private int send() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String bu = BUS.get(random.nextInt(BUS.size()));
        String body = "{\"orderId\":\"b-" + run + "-" + sequence.incrementAndGet() + "\",\"memberId\":\"bm-" + run + "-"
                + random.nextInt(members) + "\",\"amountFen\":" + random.nextLong(1_000, 50_000)
                + ",\"occurredAt\":\"" + Instant.now() + "\",\"category\":\"bench\"}";
        return orders.post("/api/v1/bu/orders", "Bearer " + tokens.get(bu), body);
    }

    /** Serves a fresh key as a JWK set, and signs one long-lived token per BU with it. */
    private String serveKeys(int port) throws Exception {
        KeyPair keys = TestTokens.newKeyPair();
        String kid = "bench-" + run;
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        byte[] body = new JWKSet(jwk).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        for (String bu : BUS) {
            tokens.put(
                    bu,
                    TestTokens.builder()
                            .subject("bu-" + bu.toLowerCase())
                            .claim("bu", bu)
                            .scope("bu:orders bu:members bu:redeem bu:campaigns")
                            .lifetime(Duration.ofHours(6))
                            .signedWith(keys.getPrivate(), kid)
                            .build());
        }
        return "http://127.0.0.1:" + port + "/oauth2/jwks";
    }

    private void awaitHealthy() throws Exception {
        for (int i = 0; i < 120; i++) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(url + " did not become healthy");
    }

    /** Waits until the outbox has handed every event to Kafka; prints how long that took. */
    private void awaitOutboxDrained(String jdbcUrl) throws Exception {
        long started = System.nanoTime();
        String since = new java.sql.Timestamp(System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(10)).toString();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement()) {
            long backlog;
            do {
                try (ResultSet rs =
                        s.executeQuery("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL"
                                + " AND PUBLICATION_DATE > '" + since + "'")) {
                    rs.next();
                    backlog = rs.getLong(1);
                }
                if (backlog > 0) {
                    Thread.sleep(200);
                }
            } while (backlog > 0 && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(2));
            System.out.printf(
                    "         outbox drained to Kafka %.1f s after the step (backlog now %d)%n",
                    (System.nanoTime() - started) / 1e9, backlog);
        }
    }

    /** CPU time (user + system) a local process used so far, from /proc; -1 where there is no /proc. */
    private static long cpuMillis(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / 100; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy and total CPU ticks of the whole machine so far, from /proc/stat; zeros where there is none. */
    private static long[] boxTicks() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .getFirst()
                    .trim()
                    .split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
