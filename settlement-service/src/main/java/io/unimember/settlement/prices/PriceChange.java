package io.unimember.settlement.prices;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /api/v1/admin/settlement/prices}: versions to add, all or none. */
record PriceChange(@NotEmpty @Size(max = 200) List<@Valid @NotNull PriceEntry> prices) {}
