package io.unimember.settlement.prices;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of price versions, oldest first; pass {@code nextCursor} back for the next page. */
record PricePage(List<PriceView> items, @Nullable String nextCursor) {}
