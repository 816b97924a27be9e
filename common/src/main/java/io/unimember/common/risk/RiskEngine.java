package io.unimember.common.risk;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unimember.common.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at a checkpoint: records what the request counts as ({@link Counter}) under each of its signals that some
 * rule reads, reads every count the checkpoint's rules need, all in one Redis round trip, and maps the total score
 * of the rules it breaks to an outcome. It fails open: while Redis cannot answer, it allows (the outcome metric says
 * {@code unavailable}) and backs off, so risk control never takes a checkout down with it.
 */
public class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final SlidingWindows windows;
    private final RiskPolicies policies;
    private final RiskProperties properties;
    private final Clock clock;
    private final Map<String, Timer> timers = new HashMap<>();
    private volatile CompiledPolicy compiled = new CompiledPolicy(RiskPolicy.NONE);
    private volatile long closedUntilMillis;

    public RiskEngine(
            SlidingWindows windows,
            RiskPolicies policies,
            RiskProperties properties,
            Clock clock,
            @Nullable MeterRegistry meters) {
        this.windows = windows;
        this.policies = policies;
        this.properties = properties;
        this.clock = clock;
        if (meters != null) {
            for (Checkpoint checkpoint : Checkpoint.values()) {
                for (String outcome : List.of("allow", "review", "deny", "unavailable")) {
                    timers.put(checkpoint + "/" + outcome, timer(meters, checkpoint, outcome));
                }
            }
        }
    }

    /** The problem a DENY answers: the same for every rule, so it teaches an attacker nothing. */
    public static ApiException denied() {
        return ApiException.forbidden("RISK_DENIED", "the request was refused");
    }

    /**
     * Counts the request as {@code counted} and decides at {@code checkpoint}.
     *
     * @param counted what the request is counted as, under each signal some rule reads: a unique event, or for
     *     {@link Counter#MEMBERS} the member
     */
    public RiskDecision decide(Checkpoint checkpoint, Signals signals, Counter... counted) {
        return decide(checkpoint, signals, UUID.randomUUID().toString(), counted);
    }

    /**
     * As {@link #decide(Checkpoint, Signals, Counter...)}, counting the request as {@code event}: the same event
     * decided again (a batch of orders retried one by one, a redelivered event) is counted once.
     */
    public RiskDecision decide(Checkpoint checkpoint, Signals signals, String event, Counter... counted) {
        long started = System.nanoTime();
        CompiledPolicy policy = compiled();
        List<RiskRule> rules = policy.rulesAt(checkpoint);
        List<SlidingWindows.Entry> entries = entries(policy, signals, event, counted);
        List<SlidingWindows.Query> queries = new ArrayList<>(rules.size());
        List<RiskRule> asked = new ArrayList<>(rules.size());
        for (RiskRule rule : rules) {
            String value = signals.value(rule.dimension());
            if (value != null) {
                queries.add(
                        new SlidingWindows.Query(windows.key(rule.counter(), rule.dimension(), value), rule.window()));
                asked.add(rule);
            }
        }
        List<RiskDecision.Hit> hits = new ArrayList<>();
        String outcomeTag;
        RiskOutcome outcome;
        int score = 0;
        Optional<List<Long>> counts = ask(entries, queries);
        if (counts.isEmpty()) {
            outcome = RiskOutcome.ALLOW;
            outcomeTag = "unavailable";
        } else {
            for (int i = 0; i < asked.size(); i++) {
                RiskRule rule = asked.get(i);
                long count = counts.get().get(i);
                if (rule.brokenBy(count)) {
                    hits.add(new RiskDecision.Hit(rule.id(), rule.name(), count, rule.threshold(), rule.score()));
                    score += rule.score();
                }
            }
            outcome = policy.policy().outcomeOf(score);
            outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
        }
        Timer timer = timers.get(checkpoint + "/" + outcomeTag);
        if (timer != null) {
            timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return new RiskDecision(
                UUID.randomUUID().toString(),
                checkpoint,
                outcome,
                score,
                hits,
                signals,
                policy.policy().version(),
                clock.instant());
    }

    /** Counts the request as {@code counted} without deciding anything (a login: a signal for later decisions). */
    public void record(Signals signals, Counter... counted) {
        record(signals, UUID.randomUUID().toString(), counted);
    }

    /** As {@link #record(Signals, Counter...)}, counting {@code event} once however often it is recorded. */
    public void record(Signals signals, String event, Counter... counted) {
        List<SlidingWindows.Entry> entries = entries(compiled(), signals, event, counted);
        if (!entries.isEmpty()) {
            ask(entries, List.of());
        }
    }

    /** The policy in force, with what each decision reads of it worked out once per version. */
    private CompiledPolicy compiled() {
        RiskPolicy current = policies.current();
        CompiledPolicy held = compiled;
        if (held.policy() != current) {
            held = new CompiledPolicy(current);
            compiled = held;
        }
        return held;
    }

    private List<SlidingWindows.Entry> entries(
            CompiledPolicy policy, Signals signals, String event, Counter... counted) {
        if (!properties.enabled()) {
            return List.of();
        }
        List<SlidingWindows.Entry> entries = new ArrayList<>();
        for (Counter counter : counted) {
            String element = counter == Counter.MEMBERS ? signals.memberId() : event;
            if (element == null) {
                continue;
            }
            for (Dimension dimension : Dimension.values()) {
                String value = signals.value(dimension);
                Optional<Duration> retention = policy.retention(counter, dimension);
                if (value != null && retention.isPresent()) {
                    entries.add(
                            new SlidingWindows.Entry(windows.key(counter, dimension, value), element, retention.get()));
                }
            }
        }
        return entries;
    }

    private Optional<List<Long>> ask(List<SlidingWindows.Entry> entries, List<SlidingWindows.Query> queries) {
        if (!properties.enabled()) {
            return Optional.of(queries.stream().map(q -> 0L).toList());
        }
        if (entries.isEmpty() && queries.isEmpty()) {
            return Optional.of(List.of());
        }
        if (clock.millis() < closedUntilMillis) {
            return Optional.empty();
        }
        try {
            return Optional.of(windows.recordAndCount(clock.millis(), entries, queries));
        } catch (RuntimeException e) {
            closedUntilMillis = clock.millis() + properties.backoff().toMillis();
            log.warn("risk counts unavailable, decisions allow for {}: {}", properties.backoff(), e.toString());
            return Optional.empty();
        }
    }

    private static Timer timer(MeterRegistry meters, Checkpoint checkpoint, String outcome) {
        return Timer.builder("unimember.risk.decisions")
                .description("risk decisions at the points that cost money, and how long each took")
                .tag("action", checkpoint.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .serviceLevelObjectives(
                        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(20))
                .register(meters);
    }
}
