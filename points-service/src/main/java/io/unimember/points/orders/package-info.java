/**
 * Order intake from BUs (REST and Kafka) and refunds, which earn and reverse points through the ledger; risk control
 * on earning (design §14): a frozen member's orders earn nothing, and large earnings are decided, refused or parked
 * until an operator's review decides them.
 */
@NullMarked
package io.unimember.points.orders;

import org.jspecify.annotations.NullMarked;
