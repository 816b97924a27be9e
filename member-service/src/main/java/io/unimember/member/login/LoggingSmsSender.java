package io.unimember.member.login;

import io.unimember.member.members.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The demo's sender ({@link SmsConfiguration}): logs that a code went out and, in the {@code demo} profile, what it
 * was. Never the full phone number.
 */
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    private final boolean demo;

    LoggingSmsSender(Environment environment) {
        this.demo = environment.matchesProfiles("demo");
    }

    @Override
    public void send(PhoneNumber phone, String code) {
        if (demo) {
            log.info("demo: login code for {} is {}", phone.masked(), code);
        } else {
            log.info("login code issued for {} (no SMS provider configured)", phone.masked());
        }
    }
}
