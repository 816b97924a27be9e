/** Virtual settlement prices: versioned rates per (benefit type, owing party, owed party), set by admin. */
@NullMarked
package io.unimember.settlement.prices;

import org.jspecify.annotations.NullMarked;
