/** Order intake from BUs (REST and Kafka) and refunds, which earn and reverse points through the ledger. */
@NullMarked
package io.unimember.points.orders;

import org.jspecify.annotations.NullMarked;
