package io.unimember.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import tools.jackson.databind.json.JsonMapper;

class KeysUnavailableFilterTests {

    @Test
    void keysThatCannotBeFetchedAreA503ProblemNotA500() throws Exception {
        var filter = new KeysUnavailableFilter(JsonMapper.builder().build());
        var response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/x"), response, (req, res) -> {
            throw new AuthenticationServiceException("Couldn't retrieve remote JWK set");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        var filter = new KeysUnavailableFilter(JsonMapper.builder().build());
        var response = new MockHttpServletResponse();

        filter.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/x"), response, (req, res) -> ((MockHttpServletResponse) res)
                        .setStatus(204));

        assertThat(response.getStatus()).isEqualTo(204);
    }
}
