package io.unimember.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.member.clients.ClientKind;
import io.unimember.member.clients.Clients;
import io.unimember.member.clients.RegisteredClient;
import io.unimember.member.members.PhoneNumber;
import io.unimember.member.members.PhoneProtection;
import io.unimember.member.tokens.TokenIssuer;
import io.unimember.testsupport.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Calls the running service over HTTP the way its clients do, and makes members and clients to call it as. */
public class TestApi {

    public static final String SECRET = "test-secret";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private final TestHttp http;
    private final CapturingSmsSender sms;
    private final Clients clients;
    private final PhoneProtection phones;
    private final StringRedisTemplate redis;
    private final TokenIssuer issuer;

    TestApi(
            Environment environment,
            CapturingSmsSender sms,
            Clients clients,
            PhoneProtection phones,
            StringRedisTemplate redis,
            TokenIssuer issuer) {
        this.issuer = issuer;
        this.http = TestHttp.to(environment);
        this.sms = sms;
        this.clients = clients;
        this.phones = phones;
        this.redis = redis;
    }

    /** A real member token (issued as a login would) for any member id, registered or not. */
    public String memberToken(String memberId) {
        return issuer.forMember(memberId).accessToken();
    }

    public String tokenForUnknownMember() {
        return memberToken(
                "m_unknown" + UUID.randomUUID().toString().replace("-", "").substring(0, 11));
    }

    /** Forgets the phone's code-request counts, as if the limiter's windows had passed. */
    public void clearOtpLimits(String phone) {
        String hash = phones.hash(PhoneNumber.parse(phone).orElseThrow());
        redis.delete("member:otp:{" + hash + "}");
    }

    public RestClient http() {
        return http.client();
    }

    /** A random, valid China mobile number: tests never share a phone. */
    public static String newPhone() {
        return "1" + ThreadLocalRandom.current().nextInt(3, 10)
                + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    public ResponseEntity<String> get(String path, @Nullable String token) {
        return http.get(path, token);
    }

    public ResponseEntity<String> send(String method, String path, @Nullable String token, @Nullable String json) {
        return http.send(HttpMethod.valueOf(method), path, token, json);
    }

    public ResponseEntity<String> send(
            String method, String path, @Nullable String token, @Nullable String json, Map<String, String> headers) {
        return http.send(HttpMethod.valueOf(method), path, token, json, headers);
    }

    /** Requests a code for the phone and signs in with it from a device and client IP: the answer as it comes. */
    public ResponseEntity<String> loginFrom(String phone, @Nullable String device, @Nullable String clientIp) {
        clearOtpLimits(phone);
        var sent = post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        Map<String, String> headers = new java.util.HashMap<>();
        if (device != null) {
            headers.put("X-Device-Id", device);
        }
        if (clientIp != null) {
            headers.put("X-Client-Ip", clientIp);
        }
        String body = "{\"phone\":\"" + phone + "\",\"otp\":\"" + sms.lastCodeFor(phone) + "\"}";
        return send("POST", "/api/v1/auth/login", null, body, headers);
    }

    public ResponseEntity<String> post(String path, @Nullable String token, String json) {
        return http.post(path, token, json);
    }

    public ResponseEntity<Map<String, Object>> tokenRequest(
            @Nullable String basicUser, @Nullable String basicPassword, Map<String, String> form) {
        return tokenRequestTo("/oauth2/token", basicUser, basicPassword, form);
    }

    /** A form post to an OAuth endpoint ({@code /oauth2/token}, {@code /oauth2/introspect}, {@code /oauth2/revoke}). */
    public ResponseEntity<Map<String, Object>> tokenRequestTo(
            String path, @Nullable String basicUser, @Nullable String basicPassword, Map<String, String> form) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        var request = http().post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (basicUser != null && basicPassword != null) {
            request = request.headers(h -> h.setBasicAuth(basicUser, basicPassword));
        }
        return request.body(body).retrieve().toEntity(MAP);
    }

    /** Requests a code for the phone and logs in with it: the token response of a real login. */
    public Map<String, Object> login(String phone) {
        var sent = post("/api/v1/auth/otp", null, "{\"phone\":\"" + phone + "\"}");
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        var login = http().post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "otp", sms.lastCodeFor(phone)))
                .retrieve()
                .toEntity(MAP);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        return login.getBody();
    }

    /** A fresh member's access token; {@link #memberIdOf} reads their id back. */
    public Member newMember() {
        Map<String, Object> tokens = login(newPhone());
        return new Member((String) tokens.get("member_id"), (String) tokens.get("access_token"));
    }

    public record Member(String id, String token) {}

    /** Registers a client with {@link #SECRET} and returns its id. */
    public String newClient(ClientKind kind, @Nullable String bu, @Nullable String merchantId, List<String> scopes) {
        String clientId = "t-" + kind.name().toLowerCase() + "-" + UUID.randomUUID();
        clients.ensure(new RegisteredClient(clientId, kind, bu, merchantId, scopes), SECRET);
        return clientId;
    }

    public String clientToken(String clientId) {
        var response = tokenRequest(clientId, SECRET, Map.of("grant_type", "client_credentials"));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return (String) response.getBody().get("access_token");
    }

    public String adminToken() {
        return clientToken(newClient(ClientKind.ADMIN, null, null, List.of("admin")));
    }

    public String buToken(String bu) {
        return clientToken(newClient(ClientKind.BU, bu, null, List.of("bu:orders", "bu:members", "bu:redeem")));
    }

    public String merchantToken(String merchantId) {
        return clientToken(newClient(
                ClientKind.MERCHANT, "ENTERTAINMENT", merchantId, List.of("merchant:members", "merchant:verify")));
    }
}
