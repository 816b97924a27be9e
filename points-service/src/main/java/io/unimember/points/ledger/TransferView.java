package io.unimember.points.ledger;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a member's points history.
 *
 * @param seq the transfer's position, for cursors
 * @param bu the BU of the order or hold; null for expiry
 * @param reference the order, refund or hold id (for expiry, the transfer id)
 * @param availableChange how the member's available points changed
 * @param frozenChange how the member's frozen points changed
 */
public record TransferView(
        long seq,
        String transferId,
        TransferKind type,
        @Nullable String bu,
        String reference,
        long points,
        long availableChange,
        long frozenChange,
        Instant occurredAt) {}
