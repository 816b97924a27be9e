package io.unimember.member.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Real threads against the real database: however many resolve one new phone at once, it is one member. */
class ConcurrentRegistrationTests extends MemberIntegrationTest {

    private static final int THREADS = 12;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void concurrentFirstResolvesOfOnePhoneMakeExactlyOneMember() throws Exception {
        String phone = TestApi.newPhone();
        String token = api.buToken("RETAIL");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < THREADS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/bu/members/resolve", token, "{\"phone\":\"" + phone + "\"}");
                }));
            }
            start.countDown();
        }

        List<Map<?, ?>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> call : calls) {
            ResponseEntity<String> response = call.get();
            assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 201);
            answers.add(json.readValue(response.getBody(), Map.class));
        }
        String memberId = (String) answers.getFirst().get("memberId");
        assertThat(answers).allSatisfy(a -> assertThat(a.get("memberId")).isEqualTo(memberId));
        assertThat(answers.stream().filter(a -> Boolean.TRUE.equals(a.get("created"))))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member WHERE member_id = ?")
                        .param(memberId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(TestKafka.records(Topics.MEMBER, v -> v.contains(memberId), 2, Duration.ofSeconds(10)))
                .hasSize(1);
    }

    @Test
    void concurrentRefreshesWithOneTokenLetAtMostOneThrough() throws Exception {
        String refresh = (String) api.login(TestApi.newPhone()).get("refresh_token");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", refresh))
                            .getStatusCode()
                            .value();
                }));
            }
            start.countDown();
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        assertThat(statuses.stream().filter(s -> s == 200)).hasSizeLessThanOrEqualTo(1);
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 400));
    }
}
