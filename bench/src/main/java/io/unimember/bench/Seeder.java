package io.unimember.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the members a benchmark looks up, through the real API: each logs in by OTP (demo profile) and gets a real
 * token, then DINE_IN reports an order of a random size, so members spread over tiers and each earns points and
 * the first-dinner 神券. Seeding talks to the services directly, so the gateway's rate limits do not slow it.
 */
final class Seeder {

    record Member(String id, String token) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String memberService;
    private final String pointsService;

    Seeder(String memberService, String pointsService) {
        this.memberService = memberService;
        this.pointsService = pointsService;
    }

    List<Member> seed(int count, int concurrency) throws Exception {
        String bu = clientToken("bu-dine_in", "demo-secret");
        List<Member> members = Collections.synchronizedList(new ArrayList<>(count));
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L);
        Semaphore permits = new Semaphore(concurrency);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String phone = "17" + String.format("%09d", (Long.parseLong(run) * 7919 + i) % 1_000_000_000L);
                permits.acquire();
                all.add(pool.submit(() -> {
                    try {
                        Member m = login(phone);
                        order(bu, m.id(), ThreadLocalRandom.current().nextLong(1_000, 600_000));
                        members.add(m);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        return members;
    }

    /** Saves the members and their tokens, so the next run within {@link #REUSABLE_FOR} can skip seeding. */
    static void save(Path file, List<Member> members) throws IOException {
        List<String> lines = new ArrayList<>();
        members.forEach(m -> lines.add(m.id() + "\t" + m.token()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * The members the last run saved, if there are enough and every one's token stays valid for {@code needed} more
     * (read from the tokens' own {@code exp}: member tokens live 15 minutes, a full run takes longer); else none.
     */
    static List<Member> reuse(Path file, int count, Duration needed) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Member> members = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\t", 2))
                .filter(parts -> parts.length == 2)
                .map(parts -> new Member(parts[0], parts[1]))
                .toList();
        if (members.size() < count) {
            return List.of();
        }
        List<Member> wanted = members.subList(0, count);
        Instant validUntil = Instant.now().plus(needed);
        JsonMapper json = JsonMapper.builder().build();
        for (Member member : wanted) {
            String[] parts = member.token().split("\\.");
            if (parts.length != 3) {
                return List.of();
            }
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.path("exp").canConvertToLong()
                    || Instant.ofEpochSecond(claims.path("exp").asLong()).isBefore(validUntil)) {
                return List.of();
            }
        }
        return wanted;
    }

    /** Waits until the last seeded member's entitlement view shows their order (events have flowed). */
    void awaitViews(List<Member> members, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        for (Member m : members.subList(Math.max(0, members.size() - 20), members.size())) {
            while (true) {
                JsonNode view = get(memberService + "/api/v1/members/me/entitlements", m.token());
                if (view.path("points").path("available").asLong() > 0) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("entitlement views not filled within " + patience);
                }
                Thread.sleep(250);
            }
        }
    }

    private Member login(String phone) throws Exception {
        post(memberService + "/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        JsonNode login =
                post(memberService + "/api/v1/auth/login", null, "{\"phone\":\"" + phone + "\",\"otp\":\"000000\"}");
        return new Member(
                login.path("member_id").asString(), login.path("access_token").asString());
    }

    /**
     * The member's first order. points-service learns of a registration from member-service's event, so an order
     * sent right after the login may find the member not known yet (404 MEMBER_NOT_FOUND): a BU retries it, as
     * docs/api.md says, and so does this.
     */
    private void order(String buToken, String memberId, long amountFen) throws Exception {
        String body = "{\"orderId\":\"bench-" + memberId + "\",\"memberId\":\"" + memberId + "\",\"amountFen\":"
                + amountFen + ",\"occurredAt\":\"" + Instant.now() + "\"}";
        for (int attempt = 1; ; attempt++) {
            try {
                post(pointsService + "/api/v1/bu/orders", buToken, body);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 20 || !e.getMessage().contains("MEMBER_NOT_FOUND")) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Whether points-service knows the member: an order for it is accepted (the order stays, a small one). */
    boolean knows(String buToken, String memberId) throws Exception {
        try {
            post(
                    pointsService + "/api/v1/bu/orders",
                    buToken,
                    "{\"orderId\":\"bench-probe-" + System.nanoTime() + "\",\"memberId\":\"" + memberId
                            + "\",\"amountFen\":100,\"occurredAt\":\"" + Instant.now() + "\"}");
            return true;
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("MEMBER_NOT_FOUND")) {
                return false;
            }
            throw e;
        }
    }

    String clientToken(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(memberService + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(check(response)).path("access_token").asString();
    }

    private JsonNode post(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // a busy service says 503/429 with Retry-After: a polite client waits and tries again, a few times
        for (int attempt = 1; attempt < 6 && isRetryable(response.statusCode()); attempt++) {
            Thread.sleep(
                    1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        String text = check(response);
        return text.isBlank() ? json.createObjectNode() : json.readTree(text);
    }

    private JsonNode get(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .build();
        return json.readTree(check(http.send(request, HttpResponse.BodyHandlers.ofString())));
    }

    private static boolean isRetryable(int status) {
        return status == 503 || status == 429;
    }

    private static String check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
