package io.unimember.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.OpenApiContract;
import io.unimember.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** This service's OpenAPI document is the contract of design §17, valid to swagger-parser without a message. */
@SettlementIntegrationTest
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
    void everyPagesNextCursorIsNullable() {
        tools.jackson.databind.JsonNode schemas = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(TestHttp.to(environment).get("/v3/api-docs", null).getBody())
                .path("components")
                .path("schemas");

        java.util.List<String> pages = new java.util.ArrayList<>();
        schemas.properties().forEach(schema -> {
            if (schema.getValue().path("properties").has("nextCursor")) {
                pages.add(schema.getKey() + " "
                        + schema.getValue().at("/properties/nextCursor/type").toString());
            }
        });
        assertThat(pages).contains("DeadLetterPage [\"string\",\"null\"]").allMatch(page -> page.contains("\"null\""));
    }
}
