package io.unimember.tier.growth;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The rolling window over business days in the business time zone: an order counts on its day and the 364 after. */
@Component
public class GrowthWindow {

    private final GrowthProperties properties;

    GrowthWindow(GrowthProperties properties) {
        this.properties = properties;
    }

    public LocalDate businessDate(Instant instant) {
        return LocalDate.ofInstant(instant, properties.businessZone());
    }

    /** The first business day whose orders still count at {@code now}. */
    public LocalDate firstDay(Instant now) {
        return businessDate(now).minusDays(properties.windowDays() - 1L);
    }

    public boolean contains(LocalDate day, Instant now) {
        return !day.isBefore(firstDay(now));
    }
}
