package io.unimember.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract check finds what the raw springdoc documents had wrong, and passes a document that has it right. */
class OpenApiContractTests {

    private static final String RAW_SPRINGDOC =
            """
            {"openapi":"3.1.0","info":{"title":"OpenAPI definition","version":"v0"},
             "servers":[{"url":"http://127.0.0.1:8082"}],
             "paths":{"/api/v1/bu/orders":{"post":{"operationId":"report",
                "parameters":[{"name":"caller","in":"query","required":true,"schema":{"$ref":"#/components/schemas/Caller"}}],
                "requestBody":{"content":{"application/json":{"schema":{"type":"object",
                    "properties":{"memberId":{"type":"string","pattern":"[^\\\\p{Cntrl}]*"}}}}}},
                "responses":{"200":{"description":"OK","content":{"*/*":{"schema":{"type":"object"}}}}}}}},
             "components":{"schemas":{"Caller":{"type":"object"}}}}""";

    private static final String PUBLISHED =
            """
            {"openapi":"3.1.0","info":{"title":"Unimember points-service API","version":"1.0.0"},
             "servers":[{"url":"http://127.0.0.1:8080"}],
             "paths":{"/api/v1/bu/orders":{"post":{"operationId":"report","security":[{"oauth2":["bu:orders"]}],
                "requestBody":{"content":{"application/json":{"schema":{"type":"object",
                    "properties":{"memberId":{"type":"string","pattern":"^(?:[A-Za-z0-9_-]{1,64})$"}}}}}},
                "responses":{"201":{"description":"accepted","content":{"application/json":{"schema":{"type":"object"}}}},
                  "400":{"$ref":"#/components/responses/BadRequest"},"404":{"$ref":"#/components/responses/NotFound"},
                  "500":{"$ref":"#/components/responses/InternalError"},
                  "503":{"$ref":"#/components/responses/ServiceUnavailable"}}}}},
             "components":{
               "schemas":{"Problem":{"type":"object","properties":{"code":{"type":"string"}}}},
               "responses":{
                 "BadRequest":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
                 "NotFound":{"description":"none","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
                 "InternalError":{"description":"ours","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
                 "ServiceUnavailable":{"description":"later","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}},
               "securitySchemes":{"oauth2":{"type":"oauth2","flows":{"clientCredentials":{
                 "tokenUrl":"http://127.0.0.1:8080/oauth2/token","scopes":{"bu:orders":"report orders"}}}}}}}""";

    @Test
    void findsWhatRawSpringdocOutputHadWrong() {
        assertThat(OpenApiContract.violations(RAW_SPRINGDOC, "http://127.0.0.1:8080"))
                .anyMatch(v -> v.startsWith("servers must be the gateway"))
                .anyMatch(v -> v.equals("no shared Problem schema"))
                .anyMatch(v -> v.endsWith("declares no security"))
                .anyMatch(v -> v.endsWith("the resolved Caller is documented as a parameter"))
                .anyMatch(v -> v.endsWith("does not document 404"))
                .anyMatch(v -> v.contains("pattern is not anchored ECMA-262"))
                .anyMatch(v -> v.equals("a body is documented as */*"));
    }

    @Test
    void passesADocumentThatFollowsTheContract() {
        assertThat(OpenApiContract.violations(PUBLISHED, "http://127.0.0.1:8080"))
                .isEmpty();
    }
}
