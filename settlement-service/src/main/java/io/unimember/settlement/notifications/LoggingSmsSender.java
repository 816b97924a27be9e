package io.unimember.settlement.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMS sender of a platform without an SMS provider: it logs what it would send. */
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String memberId, String text) {
        log.info("SMS to member {}: {}", memberId, text);
    }
}
