package io.unimember.member.login;

import io.unimember.common.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which {@link SmsSender} sends login codes: the HTTP provider when {@code unimember.sms.http.url} is set; else, in
 * the {@code demo} profile only, the log. Anywhere else without a provider every code request is a 503
 * {@code SMS_UNAVAILABLE} (and the start says so loudly): a code that goes nowhere must not look sent.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsSender smsSender(SmsProperties properties, JsonMapper json, Environment environment) {
        if (properties.url() != null) {
            return new HttpSmsSender(properties, json);
        }
        if (environment.matchesProfiles("demo")) {
            return new LoggingSmsSender(environment);
        }
        log.error("no SMS provider: set unimember.sms.http.url (and api-key); members cannot get login codes");
        return (phone, code) -> {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "SMS_UNAVAILABLE", "login codes cannot be sent right now");
        };
    }
}
