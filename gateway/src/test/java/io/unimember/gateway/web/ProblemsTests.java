package io.unimember.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The hand-built problem body is valid JSON with the fields of the design, whatever the detail holds. */
class ProblemsTests {

    @Test
    void writesTheDesignsProblemFieldsAsValidJson() {
        String json =
                Problems.json(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "a \"quoted\" \\ line\nbreak\u0001", "r-1");

        Map<String, Object> problem = JsonMapper.builder().build().readValue(json, new TypeReference<>() {});
        assertThat(problem)
                .containsEntry("type", "https://unimember.io/problems/rate-limited")
                .containsEntry("title", "Too Many Requests")
                .containsEntry("status", 429)
                .containsEntry("detail", "a \"quoted\" \\ line\nbreak\u0001")
                .containsEntry("code", "RATE_LIMITED")
                .containsEntry("traceId", "r-1");
    }
}
