package io.unimember.tier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TierServiceApplication.class, args);
    }
}
