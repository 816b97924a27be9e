package io.unimember.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two services' documents become one: every path, shared components once, clashing ones renamed with their refs. */
class ApiDocsMergerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String POINTS =
            """
            {"openapi":"3.1.0","info":{"title":"Unimember points-service API","version":"1.0.0"},
             "servers":[{"url":"https://api.example"}],
             "tags":[{"name":"orders"}],
             "paths":{"/api/v1/bu/orders":{"post":{"operationId":"report","responses":{
                "201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Receipt"}}}},
                "400":{"$ref":"#/components/responses/BadRequest"}}}}},
             "components":{"schemas":{"Receipt":{"type":"object","properties":{"points":{"type":"integer"}}},
                                      "Problem":{"type":"object"}},
                           "responses":{"BadRequest":{"description":"bad"}}}}""";

    private static final String COUPON =
            """
            {"openapi":"3.1.0","info":{"title":"Unimember coupon-service API","version":"1.0.0"},
             "tags":[{"name":"orders"},{"name":"coupons"}],
             "paths":{"/api/v1/coupons/me":{"get":{"operationId":"report","responses":{
                "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Receipt"}}}},
                "400":{"$ref":"#/components/responses/BadRequest"}}}}},
             "components":{"schemas":{"Receipt":{"type":"object","properties":{"code":{"type":"string"}}},
                                      "Problem":{"type":"object"}},
                           "responses":{"BadRequest":{"description":"bad"}}}}""";

    @Test
    void mergesPathsSharesEqualComponentsAndRenamesClashingOnes() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("points", JSON.readTree(POINTS));
        documents.put("coupon", JSON.readTree(COUPON));

        JsonNode merged = ApiDocsMerger.merge(documents, "Unimember API");

        assertThat(merged.at("/info/title").asString()).isEqualTo("Unimember API");
        assertThat(merged.at("/servers/0/url").asString()).isEqualTo("https://api.example");
        assertThat(merged.path("paths").has("/api/v1/bu/orders")).isTrue();
        assertThat(merged.path("paths").has("/api/v1/coupons/me")).isTrue();
        assertThat(merged.at("/components/schemas/Problem").isObject()).isTrue();
        assertThat(merged.at("/components/schemas/Receipt/properties/points").isObject())
                .isTrue();
        assertThat(merged.at("/components/schemas/CouponReceipt/properties/code")
                        .isObject())
                .isTrue();
        JsonNode couponOperation = merged.at("/paths/~1api~1v1~1coupons~1me/get");
        assertThat(couponOperation
                        .at("/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/CouponReceipt");
        assertThat(couponOperation.at("/responses/400/$ref").asString()).isEqualTo("#/components/responses/BadRequest");
        assertThat(couponOperation.path("operationId").asString()).isEqualTo("couponReport");
        assertThat(merged.at("/paths/~1api~1v1~1bu~1orders/post/operationId").asString())
                .isEqualTo("report");
        assertThat(merged.path("tags")).hasSize(2);
    }
}
