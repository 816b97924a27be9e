package io.unimember.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code ./platform bench scenario=orders}: BUs report orders ({@code POST /api/v1/bu/orders}, their real client
 * tokens, all seven BUs, ¥10–¥500) at fixed rates, open model. A {@code 201} means the order, its points and its
 * events were committed; after each step it waits until the outbox has published every accepted order's event and
 * tier-service (growth) and member-service (the entitlement view) have applied everything, and reports how long
 * that took: a rate is sustained end to end only if that stays short.
 */
final class OrdersBench {

    private static final List<String> BUS =
            List.of("FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL");

    /** One step's outcome and how long after it the consumers had caught up (null: not within the patience). */
    record Step(String target, int rate, LoadGenerator.Outcome outcome, long accepted, Duration caughtUp, String cpu) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s |",
                    target,
                    rate,
                    outcome.rateAndLatencies(),
                    outcome.statuses(),
                    caughtUp == null
                            ? "not within 5 min"
                            : String.format(Locale.ROOT, "%.1f s", caughtUp.toMillis() / 1000.0),
                    cpu);
        }
    }

    static final String HEADER = "| target | offered orders/s | accepted orders/s | p50 ms | p99 ms | p99.9 ms | max ms"
            + " | responses | growth and views applied after the step | CPU µs per accepted order, step and catch-up |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n";

    private final Map<String, String> cfg;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    OrdersBench(Map<String, String> cfg) {
        this.cfg = cfg;
    }

    List<Step> run(List<Integer> rates, int seconds, int warmup, int connections, Path saved) throws Exception {
        Seeder seeder = new Seeder(cfg.get("member"), cfg.get("points"));
        String[] tokens = new String[BUS.size()];
        for (int i = 0; i < BUS.size(); i++) {
            tokens[i] = seeder.clientToken("bu-" + BUS.get(i).toLowerCase(Locale.ROOT), "demo-secret");
        }
        List<String> members = members(seeder, Integer.parseInt(cfg.get("members")), saved, tokens[0]);
        CpuMeter cpu = new CpuMeter(cfg.get("cpu"));
        List<Step> steps = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(cfg.get("kafka"))) {
            for (String target : cfg.get("targets").split(",")) {
                String name = target.equals("gateway") ? "via gateway" : "straight to points-service";
                URI base = URI.create(cfg.get(target.equals("gateway") ? "gateway" : "points"));
                try (LoadGenerator generator = new LoadGenerator(base)) {
                    log("%s: warm-up (%d s at %d orders/s)", name, warmup, rates.getFirst());
                    generator.fixedRate(rates.getFirst(), warmup, connections, orders(target + "-w", members, tokens));
                    lag.awaitCaughtUp(0, Duration.ofMinutes(5));
                    for (int rate : rates) {
                        long before = lag.published("order.events.v1");
                        var cpuBefore = cpu.snapshot();
                        log("%s: %d orders/s for %d s", name, rate, seconds);
                        var outcome = generator.fixedRate(
                                rate, seconds, connections, orders(target + "-" + rate, members, tokens));
                        Duration caughtUp = lag.awaitCaughtUp(before + outcome.ok(), Duration.ofMinutes(5));
                        String used = CpuMeter.perUnit(cpuBefore, cpu.snapshot(), outcome.ok());
                        steps.add(new Step(name, rate, outcome, outcome.ok(), caughtUp, used));
                        log("  %s", steps.getLast().line());
                    }
                }
            }
        }
        return steps;
    }

    /**
     * Registered members for the orders (points-service refuses an order for a member id no one registered): the
     * ones the last run saved while points-service still knows them, else {@code count} new ones, by OTP login.
     */
    private static List<String> members(Seeder seeder, int count, Path saved, String buToken) throws Exception {
        List<String> ids = Files.exists(saved)
                ? Files.readAllLines(saved, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank())
                        .toList()
                : List.of();
        if (ids.size() >= count && seeder.knows(buToken, ids.get(ids.size() - 1))) {
            log("reusing %d members registered by an earlier run", count);
            return ids.subList(0, count);
        }
        log("registering %d members (login by OTP, one order each)…", count);
        Instant start = Instant.now();
        List<String> seeded =
                seeder.seed(count, 32).stream().map(Seeder.Member::id).toList();
        Files.write(saved, seeded, StandardCharsets.UTF_8);
        log(
                "registered %d members in %d s",
                seeded.size(), Duration.between(start, Instant.now()).toSeconds());
        return seeded;
    }

    /** Order i of a step: a fresh id, one of the members, one of the seven BUs. */
    private IntFunction<LoadGenerator.Call> orders(String step, List<String> members, String[] tokens) {
        String occurredAt = Instant.now().toString();
        return i -> new LoadGenerator.Call(
                "/api/v1/bu/orders",
                tokens[i % tokens.length],
                "{\"orderId\":\"bo-" + run + "-" + step + "-" + i + "\",\"memberId\":\""
                        + members.get(Math.floorMod(i * 7919, members.size())) + "\",\"amountFen\":"
                        + (1_000 + Math.floorMod(i * 104_729, 49_000))
                        + ",\"occurredAt\":\"" + occurredAt + "\",\"category\":\"bench\"}",
                201);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
