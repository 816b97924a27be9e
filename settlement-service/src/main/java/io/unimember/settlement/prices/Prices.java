package io.unimember.settlement.prices;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SettlementProperties;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The price in force at the time a benefit was used, not when its event arrives. */
@Component
public class Prices {

    private final PriceRepository prices;
    private final SettlementProperties properties;

    Prices(PriceRepository prices, SettlementProperties properties) {
        this.prices = prices;
        this.properties = properties;
    }

    public PriceQuote quoteAt(BenefitType type, String fromBu, String toBu, Instant usedAt) {
        return prices.inForceAt(type, fromBu, toBu, usedAt)
                .orElseGet(() -> new PriceQuote(null, properties.defaultRateBp()));
    }
}
