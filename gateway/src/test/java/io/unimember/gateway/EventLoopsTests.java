package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopsTests {

    private final String before = System.getProperty(GatewayApplication.IO_WORKERS);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(GatewayApplication.IO_WORKERS);
        } else {
            System.setProperty(GatewayApplication.IO_WORKERS, before);
        }
    }

    @Test
    void runsOneEventLoopPerCoreUnlessToldOtherwise() {
        System.clearProperty(GatewayApplication.IO_WORKERS);
        GatewayApplication.oneEventLoopPerCore();
        assertThat(System.getProperty(GatewayApplication.IO_WORKERS))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));

        System.setProperty(GatewayApplication.IO_WORKERS, "7");
        GatewayApplication.oneEventLoopPerCore();
        assertThat(System.getProperty(GatewayApplication.IO_WORKERS)).isEqualTo("7");
    }
}
