package io.unimember.settlement.notifications;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules of member notifications.
 *
 * @param zone the members' day (one message of a kind a day) and the quiet hours are in this zone
 * @param quietFrom no pushes from this time...
 * @param quietUntil ...until this one (the inbox still gets the message)
 * @param pointsNoticeDays the notices before points expire, longest first (30 and 7 days)
 * @param couponNotice how long before a coupon expires its member is told
 * @param tierAtRisk how long before the end of the retention (保级) a member below the tier's growth is told
 * @param tiers the tiers, lowest first (design §5; tier-service owns the table)
 * @param tierThresholds the growth each of {@code tiers} needs to be kept, in the same order
 * @param jobLease how long the daily job's lease lasts; another instance may run it after
 * @param push the push adapter
 */
@ConfigurationProperties("unimember.notifications")
@Validated
record NotificationProperties(
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("22:00") @NotNull LocalTime quietFrom,
        @DefaultValue("08:00") @NotNull LocalTime quietUntil,
        @DefaultValue({"30", "7"}) @NotNull int[] pointsNoticeDays,
        @DefaultValue("P3D") @NotNull Duration couponNotice,
        @DefaultValue("P30D") @NotNull Duration tierAtRisk,
        @DefaultValue({"REGULAR", "SILVER", "GOLD", "PLATINUM", "DIAMOND", "BLACK_DIAMOND"}) @NotNull
                List<String> tiers,
        @DefaultValue({"0", "0", "2000", "8000", "20000", "50000"}) @NotNull List<Long> tierThresholds,
        @DefaultValue("PT10M") @NotNull Duration jobLease,
        @DefaultValue @NotNull Push push) {

    /**
     * A push gateway (the mini-program's subscribe messages, the app's push service) reached over HTTP.
     *
     * @param enabled off: pushes are logged only
     * @param url where a push is posted as {@code {memberId, title, body}}
     * @param timeout how long a push may take
     */
    record Push(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String url,
            @DefaultValue("PT2S") Duration timeout) {}

    boolean quietAt(LocalTime time) {
        return quietFrom.isAfter(quietUntil)
                ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }

    NotificationProperties {
        if (tiers.size() != tierThresholds.size()) {
            throw new IllegalArgumentException("unimember.notifications: one threshold per tier");
        }
    }

    /** The tier's place, lowest 0; -1 for a tier we do not know. */
    int rank(String tier) {
        return tiers.indexOf(tier);
    }

    /** The growth needed to keep {@code tier}, or null for a tier we do not know. */
    @Nullable
    Long threshold(String tier) {
        int i = tiers.indexOf(tier);
        return i < 0 ? null : tierThresholds.get(i);
    }
}
