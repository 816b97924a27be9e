package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestHttp;
import io.unimember.tier.TierIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Real threads against the real database: racing purchases, payments and uses leave one membership, used once. */
@TierIntegrationTest
class PaidMembershipConcurrencyTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper mapper;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    MembershipApi api;
    String plan;
    String member;

    @BeforeEach
    void setUp() {
        api = new MembershipApi(TestHttp.toPort(port), mapper, dataSource);
        plan = api.createPlan();
        member = "m-" + UUID.randomUUID();
    }

    @Test
    void theSamePurchaseConfirmedTwiceAtOnceActivatesOnce() throws Exception {
        String purchase = "p-" + member;
        assertThat(api.purchase(member, purchase, plan).getStatusCode().value()).isEqualTo(201);

        List<ResponseEntity<String>> answers =
                race(6, i -> api.pay(MembershipApi.PAYING_BU, "pay-" + i + "-" + member, purchase, 1800));

        assertThat(statuses(answers)).containsExactlyInAnyOrder(200, 409, 409, 409, 409, 409);
        assertThat(answers.stream()
                        .filter(a -> a.getStatusCode().value() == 409)
                        .map(a -> api.json(a).get("code").asString())
                        .distinct())
                .containsExactly("PURCHASE_NOT_PENDING");
        assertThat(paidPurchases()).isEqualTo(1);
        assertThat(api.me(member).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.events(member, "membership.activated")).hasSize(1);
    }

    @Test
    void oneConfirmationSentSeveralTimesAtOnceIsOnePaymentAnsweredAlike() throws Exception {
        String purchase = "p-" + member;
        api.purchase(member, purchase, plan);

        List<ResponseEntity<String>> answers =
                race(4, i -> api.pay(MembershipApi.PAYING_BU, "pay-" + member, purchase, 1800));

        assertThat(statuses(answers)).containsOnly(200);
        assertThat(answers.stream().map(ResponseEntity::getBody).distinct()).hasSize(1);
        assertThat(paidPurchases()).isEqualTo(1);
        assertThat(api.events(member, "membership.activated")).hasSize(1);
    }

    @Test
    void purchasesRacingForOneMemberLeaveOnePendingAndOneActiveMembership() throws Exception {
        List<ResponseEntity<String>> bought = race(6, i -> api.purchase(member, "p-" + i + "-" + member, plan));

        assertThat(statuses(bought)).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        assertThat(bought.stream()
                        .filter(a -> a.getStatusCode().value() == 409)
                        .map(a -> api.json(a).get("code").asString())
                        .distinct())
                .containsExactly("PURCHASE_IN_PROGRESS");

        // the BU is told to charge every id the member sent at once: only the one purchase there is gets paid
        List<ResponseEntity<String>> paid = race(
                6, i -> api.pay(MembershipApi.PAYING_BU, "pay-" + i + "-" + member, "p-" + i + "-" + member, 1800));
        assertThat(statuses(paid)).containsExactlyInAnyOrder(200, 404, 404, 404, 404, 404);
        assertThat(paidPurchases()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM membership WHERE member_id = ? AND status = 'ACTIVE'")
                        .param(member)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.events(member, "membership.activated")).hasSize(1);
    }

    @Test
    void racingUsesOfACountedBenefitNeverExceedTheMonthsAllowance() throws Exception {
        api.activate(member, plan);

        List<ResponseEntity<String>> used = race(8, i -> api.use("FREE_DELIVERY", "u-" + i + "-" + member, member));

        assertThat(statuses(used).stream().filter(s -> s == 201)).hasSize(3);
        assertThat(statuses(used).stream().filter(s -> s == 409)).hasSize(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM membership_benefit_use WHERE member_id = ?")
                        .param(member)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private int paidPurchases() {
        return jdbc.sql("SELECT COUNT(*) FROM membership_purchase WHERE member_id = ? AND status = 'PAID'")
                .param(member)
                .query(Integer.class)
                .single();
    }

    private static List<Integer> statuses(List<ResponseEntity<String>> answers) {
        return answers.stream().map(a -> a.getStatusCode().value()).toList();
    }

    /** Runs the calls on their own threads, released together. */
    private static List<ResponseEntity<String>> race(int n, IntFunction<ResponseEntity<String>> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<ResponseEntity<String>> task = () -> {
                    start.await();
                    return call.apply(k);
                };
                futures.add(pool.submit(task));
            }
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (var f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }
}
