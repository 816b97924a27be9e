package io.unimember.coupon.exchanges;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes exchanges the saga left waiting: one still REQUESTED after {@code giveUpAfter} (its request or the answer
 * lost to a dead-letter topic, points-service away for long) fails, and the release it publishes lets go of a hold
 * that may still come. Each give-up locks the exchange and re-checks it, so any number of instances may run this.
 */
@Component
class ExchangeRecovery {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRecovery.class);
    private static final int PAGE = 200;

    private final Exchanges exchanges;
    private final ExchangeSaga saga;
    private final Clock clock;

    ExchangeRecovery(Exchanges exchanges, ExchangeSaga saga, Clock clock) {
        this.exchanges = exchanges;
        this.saga = saga;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${unimember.coupon.exchanges.recover-every:PT1M}",
            initialDelayString = "${unimember.coupon.exchanges.recover-every:PT1M}")
    void scheduled() {
        int given = run(clock.instant());
        if (given > 0) {
            log.warn("gave up on {} exchanges whose points hold never came", given);
        }
    }

    /** Gives up on every exchange requested before {@code now - giveUpAfter}; how many. */
    int run(Instant now) {
        Instant before = now.minus(saga.giveUpAfter());
        int given = 0;
        for (var page = exchanges.stale(before, PAGE); !page.isEmpty(); page = exchanges.stale(before, PAGE)) {
            int round = 0;
            for (Exchange e : page) {
                round += saga.giveUp(e) ? 1 : 0;
            }
            given += round;
            if (round == 0) {
                break;
            }
        }
        return given;
    }
}
