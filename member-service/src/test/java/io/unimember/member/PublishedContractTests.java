package io.unimember.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.OpenApiContract;
import io.unimember.testsupport.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** member-service's OpenAPI document is the contract of design §17, valid to swagger-parser without a message. */
class PublishedContractTests extends MemberIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void theDocumentHoldsUpToAParserAndTheContractRules() {
        String document = TestHttp.to(environment).get("/v3/api-docs", null).getBody();

        assertThat(OpenApiContract.violations(document, "http://127.0.0.1:8080"))
                .isEmpty();
    }

    @Test
    void theProfileSaysWhatTheValidatorsCheckInEcmaTerms() {
        JsonNode spec = JsonMapper.builder()
                .build()
                .readTree(TestHttp.to(environment).get("/v3/api-docs", null).getBody());
        Map<String, JsonNode> operations = OpenApiContract.operations(spec);

        JsonNode nickname = spec.at("/components/schemas/ProfileUpdate/properties/nickname");
        assertThat(nickname.path("pattern").asString()).isEqualTo("^(?:[^\\u0000-\\u001F\\u007F]*)$");
        assertThat(nickname.path("type").toString()).contains("null");
        assertThat(nickname.path("maxLength").asInt()).isEqualTo(32);
        // member paths need a member token: the path family says so where no annotation does
        assertThat(operations.get("PATCH /api/v1/members/me").path("security").toString())
                .isEqualTo("[{\"bearer\":[\"member\"]}]");
        assertThat(operations.get("POST /api/v1/auth/login").path("security").toString())
                .isEqualTo("[]");
        assertThat(operations
                        .get("POST /api/v1/bu/members/resolve")
                        .path("responses")
                        .propertyNames())
                .contains("200", "201");
    }
}
