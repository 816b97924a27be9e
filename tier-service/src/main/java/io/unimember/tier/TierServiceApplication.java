package io.unimember.tier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tier-service: growth from every BU's orders, the six tiers and the rules that move members between them. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class TierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TierServiceApplication.class, args);
    }
}
