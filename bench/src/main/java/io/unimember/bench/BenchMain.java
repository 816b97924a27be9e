package io.unimember.bench;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./platform bench}: seeds members with tiers, points and 神券, then measures the entitlement lookup through
 * the gateway and straight at member-service at fixed rates and at the maximum, runs {@code redis-benchmark} GET for
 * the floor, and writes a table and a chart. Settings as {@code key=value} arguments (see {@link #DEFAULTS}).
 */
public final class BenchMain {

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("gateway", "http://127.0.0.1:8080"),
            Map.entry("member", "http://127.0.0.1:8081"),
            Map.entry("points", "http://127.0.0.1:8082"),
            Map.entry("members", "10000"),
            Map.entry("rates", "1000,2000,5000"),
            Map.entry("seconds", "20"),
            Map.entry("warmup", "30"),
            Map.entry("connections", "64"),
            Map.entry("maxConnections", "32"),
            Map.entry("kafka", "127.0.0.1:9092"),
            // scenario=consumers: events per topic
            Map.entry("events", "100000"),
            Map.entry("cpu", ""),
            Map.entry("scenario", "lookups"),
            Map.entry("targets", ""),
            Map.entry("reuse", "false"),
            Map.entry("out", ".run/bench"));

    private static final Map<String, String> NAMES = Map.of(
            "gateway", "via gateway", // answered from the cached view by the gateway itself (decision 0024)
            "member", "direct to member-service");

    private static final String[] SCENES = {"ENTERTAINMENT", "DINE_IN", "HOTEL", "RETAIL"};

    record Row(String target, String mode, int targetRate, LoadGenerator.Outcome outcome, String cpu) {

        String line() {
            return String.format(
                    "| %s | %s | %s | %s | %d | %s |",
                    target,
                    mode,
                    targetRate == 0 ? "max" : String.valueOf(targetRate),
                    outcome.rateAndLatencies(),
                    outcome.errors(),
                    cpu);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> cfg = new java.util.HashMap<>(DEFAULTS);
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !DEFAULTS.containsKey(kv[0])) {
                System.err.println("unknown setting " + arg + "; settings: " + DEFAULTS.keySet());
                System.exit(2);
            }
            cfg.put(kv[0], kv[1]);
        }
        Path out = Path.of(cfg.get("out"));
        Files.createDirectories(out);
        int seconds = Integer.parseInt(cfg.get("seconds"));
        int connections = Integer.parseInt(cfg.get("connections"));
        int warmup = Integer.parseInt(cfg.get("warmup"));
        int maxConnections = Integer.parseInt(cfg.get("maxConnections"));
        List<Integer> rates = Arrays.stream(cfg.get("rates").split(","))
                .map(Integer::parseInt)
                .toList();

        if (cfg.get("scenario").equals("consumers")) {
            consumers(cfg, out);
            return;
        }
        if (cfg.get("scenario").equals("orders")) {
            List<Integer> orderRates =
                    cfg.get("rates").equals(DEFAULTS.get("rates")) ? List.of(250, 500, 750, 1000) : rates;
            // an order waits on the database far longer than a lookup on Redis: more connections keep the model open
            int orderConnections = cfg.get("connections").equals(DEFAULTS.get("connections")) ? 256 : connections;
            orders(cfg, out, orderRates, seconds, warmup, orderConnections);
            return;
        }
        if (cfg.get("targets").isEmpty()) {
            cfg.put("targets", "gateway,member");
        }
        int count = Integer.parseInt(cfg.get("members"));
        Path saved = out.resolve("members.tsv");
        // the tokens must outlive the whole run: each target's warm-up, steps and maximum, plus a minute to spare
        int steps = rates.size() + 1;
        Duration run =
                Duration.ofSeconds((long) cfg.get("targets").split(",").length * (warmup + steps * (seconds + 3)) + 60);
        List<Seeder.Member> members =
                Boolean.parseBoolean(cfg.get("reuse")) ? Seeder.reuse(saved, count, run) : List.of();
        if (members.isEmpty()) {
            log("seeding %d members (login by OTP, one DINE_IN order each)…", count);
            Instant seedStart = Instant.now();
            Seeder seeder = new Seeder(cfg.get("member"), cfg.get("points"));
            members = seeder.seed(count, 32);
            seeder.awaitViews(members, Duration.ofMinutes(3));
            Seeder.save(saved, members);
            log(
                    "seeded %d members in %d s",
                    members.size(), Duration.between(seedStart, Instant.now()).toSeconds());
        } else {
            log("reusing %d members seeded by the last run (their tokens outlive this run)", members.size());
        }
        // the seeded orders' events are still being applied everywhere; measured meanwhile, that work shows as the
        // lookup's CPU and latency
        try (ConsumerLag lag = new ConsumerLag(cfg.get("kafka"))) {
            Duration settled = lag.awaitCaughtUp(0, Duration.ofMinutes(5));
            log(
                    "consumers caught up with the seeding %s",
                    settled == null ? "NOT within 5 min (measuring anyway)" : "after " + settled.toSeconds() + " s");
        }
        List<Seeder.Member> seeded = members;
        // the generator shares the box: its own CPU is counted with the platform's
        CpuMeter cpu = new CpuMeter(
                cfg.get("cpu") + ",load generator:" + ProcessHandle.current().pid());

        IntFunction<LoadGenerator.Call> calls = i -> {
            Seeder.Member m = seeded.get(Math.floorMod(i * 7919, seeded.size()));
            return new LoadGenerator.Call(
                    "/api/v1/members/me/entitlements?scene=" + SCENES[i & 3] + "&amountFen="
                            + (5_000 + (i % 20) * 1_000),
                    m.token());
        };

        List<Row> rows = new ArrayList<>();
        for (String target : cfg.get("targets").split(",")) {
            URI base = URI.create(cfg.get(target));
            String name = NAMES.getOrDefault(target, target);
            try (LoadGenerator generator = new LoadGenerator(base)) {
                // C2 compiles the hot path in the first tens of seconds; measured before, it shows as latency
                log("%s: warm-up (%d s at max)", name, warmup);
                generator.maxThroughput(warmup, maxConnections, calls);
                for (int rate : rates) {
                    log("%s: %d req/s for %d s", name, rate, seconds);
                    var before = cpu.snapshot();
                    var outcome = generator.fixedRate(rate, seconds, connections, calls);
                    rows.add(new Row(
                            name, "fixed rate", rate, outcome, CpuMeter.perUnit(before, cpu.snapshot(), outcome.ok())));
                    log("  %s", rows.getLast().line());
                }
                log("%s: maximum (%d connections, %d s)", name, maxConnections, seconds);
                var before = cpu.snapshot();
                var outcome = generator.maxThroughput(seconds, maxConnections, calls);
                rows.add(new Row(
                        name,
                        "closed, " + maxConnections + " conn",
                        0,
                        outcome,
                        CpuMeter.perUnit(before, cpu.snapshot(), outcome.ok())));
                log("  %s", rows.getLast().line());
            }
        }
        double redis = redisBenchmark();
        report(out, rows, redis);
    }

    /** {@code scenario=consumers}: each consumer group from a pre-filled topic (events=100000 members=20000). */
    private static void consumers(Map<String, String> cfg, Path out) throws Exception {
        int events = Integer.parseInt(cfg.get("events"));
        int members =
                cfg.get("members").equals(DEFAULTS.get("members")) ? 20_000 : Integer.parseInt(cfg.get("members"));
        List<ConsumersBench.Result> results =
                new ConsumersBench(cfg.get("kafka"), events, members).run(Duration.ofMinutes(10));
        StringBuilder md = new StringBuilder(ConsumersBench.HEADER);
        results.forEach(r -> md.append(r.line()).append('\n'));
        Files.writeString(out.resolve("consumers.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(md);
        log("written: %s", out.resolve("consumers.md"));
    }

    /** {@code scenario=orders}: order intake at fixed rates, until growth and views are applied. */
    private static void orders(
            Map<String, String> cfg, Path out, List<Integer> rates, int seconds, int warmup, int connections)
            throws Exception {
        if (cfg.get("targets").isEmpty()) {
            cfg.put("targets", "points");
        }
        if (cfg.get("members").equals(DEFAULTS.get("members"))) {
            cfg.put("members", "20000"); // the registered members the orders go to
        }
        List<OrdersBench.Step> steps =
                new OrdersBench(cfg).run(rates, seconds, warmup, connections, out.resolve("order-members.txt"));
        StringBuilder md = new StringBuilder(OrdersBench.HEADER);
        steps.forEach(s -> md.append(s.line()).append('\n'));
        Files.writeString(out.resolve("orders.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(md);
        log("written: %s", out.resolve("orders.md"));
    }

    private static void report(Path out, List<Row> rows, double redisGetsPerSecond) throws Exception {
        double gatewayMax = max(rows, NAMES.get("gateway"));
        double directMax = max(rows, NAMES.get("member"));
        StringBuilder md = new StringBuilder();
        md.append("| target | model | target req/s | achieved req/s | p50 ms | p99 ms | p99.9 ms | max ms | errors"
                + " | CPU µs per answered lookup |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r.line()).append('\n'));
        md.append(String.format(
                "%nredis-benchmark GET: %.0f req/s%n%nvia gateway ÷ direct to member-service's main port (max"
                        + " throughput): %.2f%nvia gateway ÷ redis GET: %.3f%n",
                redisGetsPerSecond, gatewayMax / directMax, gatewayMax / redisGetsPerSecond));
        Files.writeString(out.resolve("results.md"), md.toString(), StandardCharsets.UTF_8);
        Chart.write(
                out.resolve("latency.png"),
                "Entitlement lookup: latency by achieved rate",
                List.of(
                        series(rows, "via gateway", 99, "gateway p99", new Color(200, 40, 40)),
                        series(rows, "via gateway", 50, "gateway p50", new Color(240, 150, 150)),
                        series(rows, "direct to member-service", 99, "direct p99", new Color(30, 90, 200)),
                        series(rows, "direct to member-service", 50, "direct p50", new Color(140, 180, 240))));
        System.out.println();
        System.out.print(md);
        log("written: %s and %s", out.resolve("results.md"), out.resolve("latency.png"));
    }

    private static Chart.Series series(List<Row> rows, String target, double percentile, String name, Color color) {
        return new Chart.Series(
                name,
                color,
                rows.stream()
                        .filter(r -> r.target().equals(target))
                        .map(r -> new double[] {
                            r.outcome().achievedRate(),
                            r.outcome().latencyMicros().getValueAtPercentile(percentile) / 1000.0
                        })
                        .sorted((a, b) -> Double.compare(a[0], b[0]))
                        .collect(Collectors.toList()));
    }

    private static double max(List<Row> rows, String target) {
        return rows.stream()
                .filter(r -> r.target().equals(target) && r.targetRate() == 0)
                .mapToDouble(r -> r.outcome().achievedRate())
                .findFirst()
                .orElse(Double.NaN);
    }

    /** The floor: how fast this machine's Redis answers GETs with the same number of connections. */
    private static double redisBenchmark() {
        try {
            Process p = new ProcessBuilder("redis-benchmark", "-t", "get", "-n", "200000", "-c", "32", "-q")
                    .redirectErrorStream(true)
                    .start();
            String output;
            try (var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                output = reader.lines().collect(Collectors.joining("\n"));
            }
            p.waitFor();
            Matcher m = Pattern.compile("GET: ([0-9.]+) requests per second").matcher(output);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            log("redis-benchmark not available: %s", e.getMessage());
            return Double.NaN;
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
