package io.unimember.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

    @Test
    void keepsASaneCallerIdAndReplacesAnythingElse() throws Exception {
        assertThat(run("gw-7f3a.b_c:d-1")).isEqualTo("gw-7f3a.b_c:d-1");
        assertThat(run("a".repeat(64))).isEqualTo("a".repeat(64));

        for (String bad : new String[] {null, "", "a".repeat(65), "has space", "new\nline", "é", "a/b", "{x}"}) {
            String replaced = run(bad);
            assertThat(replaced).as("for %s", bad).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void putsTheIdInTheLogsForTheRequestOnlyAndGivesEachRequestItsOwn() throws Exception {
        assertThat(run(null)).isNotEqualTo(run(null));
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
    }

    /** The id the response carried; asserts the logs saw the same one while the request ran. */
    private static String run(String incoming) throws Exception {
        var request = new MockHttpServletRequest("GET", "/x");
        if (incoming != null) {
            request.addHeader(RequestIdFilter.HEADER, incoming);
        }
        var response = new MockHttpServletResponse();
        AtomicReference<String> logged = new AtomicReference<>();
        new RequestIdFilter().doFilter(request, response, (req, res) -> logged.set(MDC.get(RequestIdFilter.MDC_KEY)));
        String id = response.getHeader(RequestIdFilter.HEADER);
        assertThat(logged.get()).isEqualTo(id);
        return id;
    }
}
