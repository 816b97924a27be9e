package io.unimember.insight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Member insight: a Kafka Streams topology keeps RFM, lifecycle stage, tags, segments and the business figures. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InsightServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InsightServiceApplication.class, args);
    }
}
