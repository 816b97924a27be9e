package io.unimember.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one door: token check, routing, rate limits, circuit breakers and request ids in front of the services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    static final String IO_WORKERS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Reactor Netty runs at least four event loops, even on two cores: the loops then take turns on the cores and
     * requests wait on each hand-off. One per core measured 5,600 instead of 3,900 lookups/s through the gateway on
     * the 2-core box (docs/performance.md). {@code -Dreactor.netty.ioWorkerCount} still decides when given.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(IO_WORKERS) == null) {
            System.setProperty(IO_WORKERS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
