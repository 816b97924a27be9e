package io.unimember.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.OpenApiContract;
import io.unimember.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** This service's OpenAPI document is the contract of design §17, valid to swagger-parser without a message. */
@IntegrationTest
class PublishedContractTests {

    @Autowired
    Environment environment;

    @Test
    void theDocumentHoldsUpToAParserAndTheContractRules() {
        String document = TestHttp.to(environment).get("/v3/api-docs", null).getBody();

        assertThat(OpenApiContract.violations(document, "http://127.0.0.1:8080"))
                .isEmpty();
    }
}
