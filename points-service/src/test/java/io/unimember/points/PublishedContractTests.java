package io.unimember.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.OpenApiContract;
import io.unimember.testsupport.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** points-service's OpenAPI document is the contract of design §17, valid to swagger-parser without a message. */
@PointsIntegrationTest
class PublishedContractTests {

    @Autowired
    Environment environment;

    @Test
    void theDocumentHoldsUpToAParserAndTheContractRules() {
        String document = TestHttp.to(environment).get("/v3/api-docs", null).getBody();

        assertThat(OpenApiContract.violations(document, "http://127.0.0.1:8080"))
                .isEmpty();
    }

    @Test
    void anOrderIsDocumentedAsTheBuScopes201WithTheReceiptAndItsErrors() {
        JsonNode spec = JsonMapper.builder()
                .build()
                .readTree(TestHttp.to(environment).get("/v3/api-docs", null).getBody());
        Map<String, JsonNode> operations = OpenApiContract.operations(spec);

        JsonNode order = operations.get("POST /api/v1/bu/orders");
        assertThat(order.path("security").toString()).isEqualTo("[{\"oauth2\":[\"bu:orders\"]}]");
        assertThat(order.at("/responses/201/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/OrderReceipt");
        assertThat(order.path("responses").propertyNames())
                .contains("400", "401", "403", "404", "409", "429", "503")
                .doesNotContain("200");
        assertThat(operations
                        .get("POST /api/v1/points/holds")
                        .at("/responses/201")
                        .isObject())
                .isTrue();
        assertThat(operations.get("GET /api/v1/points/me").path("security").toString())
                .isEqualTo("[{\"bearer\":[\"member\"]}]");
        JsonNode request = spec.at("/components/schemas/OrderRequest");
        assertThat(request.at("/properties/memberId/pattern").asString()).isEqualTo("^(?:[A-Za-z0-9_-]{1,64})$");
        assertThat(request.at("/properties/amountFen/maximum").asLong()).isEqualTo(1_000_000_000L);
        assertThat(request.at("/properties/category/type").toString()).contains("null");
        JsonNode receipt = spec.at("/components/schemas/OrderReceipt");
        assertThat(receipt.at("/properties/risk/enum").toString()).contains("FROZEN", "DENIED", "PENDING_REVIEW");
        assertThat(receipt.path("required").toString()).doesNotContain("risk");
    }
}
