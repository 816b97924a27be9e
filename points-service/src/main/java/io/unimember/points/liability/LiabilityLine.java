package io.unimember.points.liability;

import java.util.Map;

/**
 * One issuing BU's points liability over a month: what its members held at the start, what moved, what they held at
 * the end. closingPoints = openingPoints + earned − redeemed + returned − expired, exactly.
 *
 * @param earned points issued, net of refunds that took earned points back
 * @param redeemed points spent at checkout
 * @param redeemedBy the same, per spending BU
 * @param returned spent points that refunds gave back (to the member, or to expiry when the lot had expired)
 * @param expired points that reached their lot's expiry (breakage), including refunded points of expired lots
 * @param closingValueFen the closing points at face value (100 points = ¥1)
 */
record LiabilityLine(
        String issuingBu,
        long openingPoints,
        long earned,
        long redeemed,
        Map<String, Long> redeemedBy,
        long returned,
        long expired,
        long closingPoints,
        long closingValueFen) {}
