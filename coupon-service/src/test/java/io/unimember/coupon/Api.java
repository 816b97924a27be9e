package io.unimember.coupon;

import io.unimember.testsupport.TestHttp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running service, answering status and parsed body whatever the status. */
public final class Api {

    public record Response(int status, JsonNode body, String raw) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public String code() {
            return text("code");
        }
    }

    private final TestHttp http;
    private final JsonMapper json;

    public Api(int port, JsonMapper json) {
        this.json = json;
        this.http = TestHttp.toPort(port);
    }

    public Response post(String path, @Nullable String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, @Nullable String token, Object body, Map<String, String> headers) {
        String raw = body instanceof String s ? s : json.writeValueAsString(body);
        return response(http.send(HttpMethod.POST, path, token, raw, headers));
    }

    public Response put(String path, @Nullable String token, Object body) {
        String raw = body instanceof String s ? s : json.writeValueAsString(body);
        return response(http.send(HttpMethod.PUT, path, token, raw, Map.of()));
    }

    public Response get(String path, @Nullable String token) {
        return response(http.get(path, token));
    }

    /** Creates a template as admin and answers its id. */
    public String template(Map<String, Object> body) {
        Response r = post("/api/v1/admin/coupon-templates", io.unimember.testsupport.TestTokens.admin(), body);
        if (r.status() != 201) {
            throw new IllegalStateException("template not created: " + r.raw());
        }
        return r.text("templateId");
    }

    /** A member claims with a fresh key. */
    public Response claim(String memberId, String templateId) {
        return claim(memberId, templateId, UUID.randomUUID().toString());
    }

    public Response claim(String memberId, String templateId, String key) {
        return post(
                "/api/v1/coupons/claims",
                io.unimember.testsupport.TestTokens.member(memberId),
                Map.of("templateId", templateId),
                Map.of("Idempotency-Key", key));
    }

    /** A FIXED template body claimable by members, valid 30 days; tests change what they need. */
    public static Map<String, Object> fixedTemplate(
            long discountFen, long quantity, int perMemberLimit, long budgetFen) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "test " + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "FIXED");
        body.put("discountFen", discountFen);
        body.put("minSpendFen", 0);
        body.put("scenes", java.util.List.of("ALL"));
        body.put("fundingBu", "PLATFORM");
        body.put("validDays", 30);
        body.put("totalQuantity", quantity);
        body.put("perMemberLimit", perMemberLimit);
        body.put("budgetFen", budgetFen);
        return body;
    }

    private Response response(ResponseEntity<String> entity) {
        String text = entity.getBody() == null ? "" : entity.getBody();
        JsonNode node = text.isBlank() ? json.createObjectNode() : json.readTree(text);
        return new Response(entity.getStatusCode().value(), node, text);
    }

    public static String member() {
        return "m-" + UUID.randomUUID();
    }
}
