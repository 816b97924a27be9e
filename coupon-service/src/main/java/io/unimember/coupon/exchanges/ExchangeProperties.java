package io.unimember.coupon.exchanges;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param answerWithin how long {@code POST /exchanges} waits for the saga to finish before it answers {@code 202}
 *     (the client then reads {@code GET /exchanges/{id}})
 * @param giveUpAfter an exchange whose hold has not come by then fails, and a hold that comes later is released
 * @param holdMargin a hold that lapses sooner than this is not used: its confirmation might arrive too late
 * @param recoverEvery how often the recovery job looks for exchanges to give up on
 */
@ConfigurationProperties("unimember.coupon.exchanges")
record ExchangeProperties(
        @DefaultValue("PT5S") Duration answerWithin,
        @DefaultValue("PT10M") Duration giveUpAfter,
        @DefaultValue("PT5M") Duration holdMargin,
        @DefaultValue("PT1M") Duration recoverEvery) {}
