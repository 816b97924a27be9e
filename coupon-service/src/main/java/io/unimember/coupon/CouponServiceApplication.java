package io.unimember.coupon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** coupon-service: 神券 templates, issuing (claim, grant, reward, allotment), checkout locks, POS verify, expiry. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CouponServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CouponServiceApplication.class, args);
    }
}
