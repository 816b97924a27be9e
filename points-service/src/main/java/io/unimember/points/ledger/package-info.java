/**
 * The double-entry points ledger: transfers and entries (append-only), members' balances (guarded, changed in the
 * same transaction), lots with their expiry, and the audit that proves it all adds up.
 */
@NullMarked
package io.unimember.points.ledger;

import org.jspecify.annotations.NullMarked;
