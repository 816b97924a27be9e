package io.unimember.common.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Decisions against a real Redis: sliding windows, distinct members, scores to outcomes, and failing open. */
class RiskEngineTests {

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final String namespace = "test-" + UUID.randomUUID() + ":risk:";
    private final TestClock clock = TestClock.at(Instant.parse("2026-12-07T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RiskPolicies policies =
            new RiskPolicies(redis, JsonMapper.builder().build(), namespace);
    private final RiskEngine engine =
            new RiskEngine(new SlidingWindows(redis, namespace), policies, properties(true), clock, meters);

    @BeforeAll
    static void connect() {
        var infra = TestInfrastructure.get();
        connections =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(infra.redisHost(), infra.redisPort()));
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void theFourthRegistrationOnADeviceBreaksAMoreThanThreeRuleAndIsDenied() {
        policies.publish(policy(rule(
                "per-device",
                Checkpoint.REGISTRATION,
                Counter.REGISTRATIONS,
                Dimension.DEVICE,
                Duration.ofHours(24),
                3,
                100)));
        Signals device = new Signals(null, "device-" + UUID.randomUUID(), null, null);

        List<RiskOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(engine.decide(Checkpoint.REGISTRATION, device, Counter.REGISTRATIONS)
                    .outcome());
        }
        RiskDecision fifth = engine.decide(Checkpoint.REGISTRATION, device, Counter.REGISTRATIONS);

        assertThat(outcomes)
                .containsExactly(
                        RiskOutcome.ALLOW, RiskOutcome.ALLOW, RiskOutcome.ALLOW, RiskOutcome.DENY, RiskOutcome.DENY);
        assertThat(fifth.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("per-device");
            assertThat(hit.count()).isEqualTo(6);
        });
        assertThat(fifth.score()).isEqualTo(100);
        assertThat(meters.get("unimember.risk.decisions")
                        .tag("action", "registration")
                        .tag("outcome", "deny")
                        .timer()
                        .count())
                .isEqualTo(3);
    }

    @Test
    void aWindowForgetsWhatIsOlderThanItAndAnotherDeviceCountsApart() {
        policies.publish(policy(
                rule("per-ip", Checkpoint.CLAIM, Counter.CLAIMS, Dimension.IP_RANGE, Duration.ofMinutes(1), 2, 60)));
        Signals a = new Signals("m_a", null, "203.0.113.1", null);
        Signals sameRange = new Signals("m_b", null, "203.0.113.200", null);
        Signals otherRange = new Signals("m_c", null, "198.51.100.1", null);

        engine.decide(Checkpoint.CLAIM, a, Counter.CLAIMS);
        engine.decide(Checkpoint.CLAIM, sameRange, Counter.CLAIMS);
        RiskDecision third = engine.decide(Checkpoint.CLAIM, a, Counter.CLAIMS);
        RiskDecision elsewhere = engine.decide(Checkpoint.CLAIM, otherRange, Counter.CLAIMS);
        clock.advance(Duration.ofSeconds(61));
        RiskDecision later = engine.decide(Checkpoint.CLAIM, a, Counter.CLAIMS);

        assertThat(third.outcome()).isEqualTo(RiskOutcome.REVIEW);
        assertThat(elsewhere.outcome()).isEqualTo(RiskOutcome.ALLOW);
        assertThat(later.outcome()).isEqualTo(RiskOutcome.ALLOW);
        assertThat(later.hits()).isEmpty();
    }

    @Test
    void theSameEventDecidedAgainIsCountedOnce() {
        policies.publish(policy(rule(
                "large-earnings",
                Checkpoint.EARNING,
                Counter.LARGE_EARNINGS,
                Dimension.MEMBER,
                Duration.ofHours(1),
                1,
                60)));
        Signals member = new Signals("m_" + UUID.randomUUID(), null, null, null);

        RiskDecision first = engine.decide(Checkpoint.EARNING, member, "order:DINE_IN:o1", Counter.LARGE_EARNINGS);
        RiskDecision retried = engine.decide(Checkpoint.EARNING, member, "order:DINE_IN:o1", Counter.LARGE_EARNINGS);
        RiskDecision another = engine.decide(Checkpoint.EARNING, member, "order:DINE_IN:o2", Counter.LARGE_EARNINGS);

        assertThat(first.outcome()).isEqualTo(RiskOutcome.ALLOW);
        assertThat(retried.outcome()).isEqualTo(RiskOutcome.ALLOW); // still one order in the window
        assertThat(another.outcome()).isEqualTo(RiskOutcome.REVIEW);
        assertThat(another.hits().getFirst().count()).isEqualTo(2);
    }

    @Test
    void aChangedPolicyIsReadByTheNextDecision() {
        Signals device = new Signals(null, "device-" + UUID.randomUUID(), null, null);
        policies.publish(policy(
                rule("per-device", Checkpoint.CLAIM, Counter.CLAIMS, Dimension.DEVICE, Duration.ofHours(1), 5, 100)));
        RiskDecision under = engine.decide(Checkpoint.CLAIM, device, Counter.CLAIMS);

        policies.publish(policy(
                rule("per-device", Checkpoint.CLAIM, Counter.CLAIMS, Dimension.DEVICE, Duration.ofHours(1), 1, 100)));
        RiskDecision stricter = engine.decide(Checkpoint.CLAIM, device, Counter.CLAIMS);

        assertThat(under.outcome()).isEqualTo(RiskOutcome.ALLOW);
        assertThat(stricter.outcome()).isEqualTo(RiskOutcome.DENY);
        assertThat(stricter.hits().getFirst().count()).isEqualTo(2);
    }

    @Test
    void membersAreCountedOnceEachHoweverOftenTheySignIn() {
        policies.publish(policy(rule(
                "shared-device", Checkpoint.CLAIM, Counter.MEMBERS, Dimension.DEVICE, Duration.ofHours(24), 2, 100)));
        String device = "device-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            engine.record(new Signals("m_one", device, null, null), Counter.MEMBERS);
            engine.record(new Signals("m_two", device, null, null), Counter.MEMBERS);
        }

        RiskDecision two = engine.decide(Checkpoint.CLAIM, new Signals("m_two", device, null, null));
        engine.record(new Signals("m_three", device, null, null), Counter.MEMBERS);
        RiskDecision three = engine.decide(Checkpoint.CLAIM, new Signals("m_three", device, null, null));

        assertThat(two.outcome()).isEqualTo(RiskOutcome.ALLOW);
        assertThat(three.outcome()).isEqualTo(RiskOutcome.DENY);
        assertThat(three.hits().getFirst().count()).isEqualTo(3);
    }

    @Test
    void nothingIsCountedThatNoRuleReadsAndScoresAddUp() {
        policies.publish(policy(
                rule(
                        "member-hour",
                        Checkpoint.EXCHANGE,
                        Counter.EXCHANGES,
                        Dimension.MEMBER,
                        Duration.ofHours(1),
                        0,
                        30),
                rule(
                        "member-minute",
                        Checkpoint.EXCHANGE,
                        Counter.EXCHANGES,
                        Dimension.MEMBER,
                        Duration.ofMinutes(1),
                        0,
                        30)));
        Signals member = new Signals("m_" + UUID.randomUUID(), "device-x", "203.0.113.9", null);

        RiskDecision decision = engine.decide(Checkpoint.EXCHANGE, member, Counter.EXCHANGES);

        assertThat(decision.score()).isEqualTo(60);
        assertThat(decision.outcome()).isEqualTo(RiskOutcome.REVIEW);
        assertThat(redis.keys(namespace + "count:*"))
                .containsExactly(namespace + "count:exchanges:member:" + member.memberId());
        assertThat(redis.getExpire(namespace + "count:exchanges:member:" + member.memberId()))
                .isBetween(3500L, 3600L);
    }

    @Test
    void whileRedisCannotAnswerEveryDecisionAllowsAndSaysSo() {
        var nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        nowhere.afterPropertiesSet();
        var down = new StringRedisTemplate(nowhere);
        RiskPolicies held = new RiskPolicies(down, JsonMapper.builder().build(), namespace);
        held.refresh(); // nothing to read: it keeps what it has
        RiskPolicy strict = policy(
                rule("always", Checkpoint.CLAIM, Counter.CLAIMS, Dimension.MEMBER, Duration.ofMinutes(1), 0, 100));
        RiskPolicies local = new RiskPolicies(redis, JsonMapper.builder().build(), namespace);
        local.publish(strict);
        var failing = new RiskEngine(new SlidingWindows(down, namespace), local, properties(true), clock, meters);
        try {
            RiskDecision decision =
                    failing.decide(Checkpoint.CLAIM, new Signals("m_x", null, null, null), Counter.CLAIMS);

            assertThat(held.current()).isEqualTo(RiskPolicy.NONE);
            assertThat(decision.outcome()).isEqualTo(RiskOutcome.ALLOW);
            assertThat(meters.get("unimember.risk.decisions")
                            .tag("action", "claim")
                            .tag("outcome", "unavailable")
                            .timer()
                            .count())
                    .isEqualTo(1);
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void aPolicyPublishedByOneServiceIsReadByAnother() {
        RiskPolicy published = policy(rule(
                "per-device", Checkpoint.CLAIM, Counter.REGISTRATIONS, Dimension.DEVICE, Duration.ofHours(24), 3, 100));
        policies.publish(published);
        RiskPolicies elsewhere = new RiskPolicies(redis, JsonMapper.builder().build(), namespace);

        elsewhere.refresh();

        assertThat(elsewhere.current()).isEqualTo(published);
        assertThat(elsewhere.current().retention(Counter.REGISTRATIONS, Dimension.DEVICE))
                .contains(Duration.ofHours(24));
        assertThat(elsewhere.current().retention(Counter.CLAIMS, Dimension.DEVICE))
                .isEmpty();
    }

    @Test
    void frozenMembersAreSeenByEveryCopyOnceTheVersionMoves() {
        FrozenMembers memberService = new FrozenMembers(redis, namespace);
        FrozenMembers couponService = new FrozenMembers(redis, namespace);

        memberService.add(List.of("m_frozen"));
        couponService.refresh();
        boolean frozenThen = couponService.isFrozen("m_frozen");
        memberService.replaceAll(java.util.Set.of("m_other"));
        couponService.refresh();

        assertThat(frozenThen).isTrue();
        assertThat(couponService.isFrozen("m_frozen")).isFalse();
        assertThat(couponService.isFrozen("m_other")).isTrue();
    }

    private static RiskProperties properties(boolean enabled) {
        return new RiskProperties(
                enabled, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5), 20000, "unused");
    }

    private static RiskPolicy policy(RiskRule... rules) {
        return new RiskPolicy(System.nanoTime(), 50, 100, List.of(rules));
    }

    private static RiskRule rule(
            String id,
            Checkpoint checkpoint,
            Counter counter,
            Dimension dimension,
            Duration window,
            int threshold,
            int score) {
        return new RiskRule(id, id, checkpoint, counter, dimension, window, threshold, score, true);
    }
}
