package io.unimember.points;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business numbers of points, as configuration rather than literals. Per-BU earn and growth rates are data (the
 * {@code business_unit} table); tier multipliers come from tier-service's events.
 *
 * @param dailyCap most points one member may earn on one business day; above it orders still count for growth
 * @param zone the business time zone: days for the cap and months for lot expiry
 * @param lotValidityMonths points expire at the end of this many months after the month they were earned in
 * @param holdTtl how long a hold keeps points frozen before it is released on its own
 * @param expiringShown how many upcoming expiry dates a balance snapshot lists
 * @param maxClockSkew how far in the future an order's {@code occurredAt} may lie (BU clocks drift)
 * @param jobBatchSize how many holds or members a background job handles per round
 * @param businessUnitCacheTtl how long a BU's rates are cached before they are read again
 * @param intakeConcurrency most orders and refunds taken over HTTP at once; more wait for a turn. With group commit
 *     an order in progress waits for its batch without holding a connection; without it, keep this below the
 *     connection pool's size, so the outbox and the Kafka listener keep connections
 * @param intakeQueueWait how long an HTTP order or refund waits for a turn before it is answered {@code 503} with
 *     {@code Retry-After}
 * @param intakeBatchMax most orders accepted in one transaction by group commit (decision 0018); 0 turns group
 *     commit off, so that each order has a transaction of its own
 * @param intakeLanes how many batches may be in progress at once (orders are spread over them by member)
 * @param exchangeHoldTtl how long a points-for-神券 exchange's hold waits for coupon-service's answer: long, as
 *     coupon-service may be down meanwhile and a hold released before its coupon is issued costs the coupon back
 */
@ConfigurationProperties("unimember.points")
public record PointsProperties(
        @DefaultValue("20000") long dailyCap,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("12") int lotValidityMonths,
        @DefaultValue("PT15M") Duration holdTtl,
        @DefaultValue("3") int expiringShown,
        @DefaultValue("PT5M") Duration maxClockSkew,
        @DefaultValue("200") int jobBatchSize,
        @DefaultValue("PT1M") Duration businessUnitCacheTtl,
        @DefaultValue("256") int intakeConcurrency,
        @DefaultValue("PT0.5S") Duration intakeQueueWait,
        @DefaultValue("128") int intakeBatchMax,
        @DefaultValue("1") int intakeLanes,
        @DefaultValue("P1D") Duration exchangeHoldTtl) {}
