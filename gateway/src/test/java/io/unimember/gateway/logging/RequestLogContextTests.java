package io.unimember.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class RequestLogContextTests {

    @Test
    void theTraceIdIsTheTraceparentsAndOnlyAWellFormedOnesCounts() {
        assertThat(RequestLogContext.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(RequestLogContext.traceId(null)).isNull();
        assertThat(RequestLogContext.traceId("garbage")).isNull();
        assertThat(RequestLogContext.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .as("upper case is not W3C")
                .isNull();
        assertThat(RequestLogContext.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .as("the all-zero id is invalid")
                .isNull();
        assertThat(RequestLogContext.traceId("00-4bf92f3577b34da6a3ce929d0e0e47\"}-00f067aa0ba902b7-01"))
                .isNull();
    }

    @Test
    void theIdsAreInTheMdcOnlyWhileTheScopeIsOpen() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        try (var ids = RequestLogContext.of(exchange)) {
            assertThat(MDC.get("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(MDC.get("requestId")).isNotNull();
        }

        assertThat(MDC.get("traceId")).isNull();
        assertThat(MDC.get("requestId")).isNull();
    }
}
