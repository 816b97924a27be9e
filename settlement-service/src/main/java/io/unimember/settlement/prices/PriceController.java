package io.unimember.settlement.prices;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.settlement.BenefitType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: set and list virtual settlement prices. */
@RestController
class PriceController {

    private final PriceVersions versions;
    private final PriceRepository prices;

    PriceController(PriceVersions versions, PriceRepository prices) {
        this.versions = versions;
        this.prices = prices;
    }

    /**
     * Sets settlement prices from a date on. Adds the given versions (all or none) and answers them as stored.
     */
    @PutMapping("/api/v1/admin/settlement/prices")
    PricePage put(Caller caller, @Valid @RequestBody PriceChange change) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.FINANCE);
        return new PricePage(versions.add(change.prices(), actor), null);
    }

    /**
     * The settlement prices, each with the date it applies from.
     */
    @GetMapping("/api/v1/admin/settlement/prices")
    PricePage list(
            @RequestParam(required = false) @Nullable BenefitType benefitType,
            @RequestParam(required = false) @Nullable @Size(max = 32) String fromBu,
            @RequestParam(required = false) @Nullable @Size(max = 32) String toBu,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 20) String cursor) {
        List<PriceView> page = prices.page(benefitType, fromBu, toBu, after(cursor), limit + 1);
        boolean more = page.size() > limit;
        List<PriceView> items = more ? page.subList(0, limit) : page;
        return new PricePage(items, more ? String.valueOf(items.getLast().priceId()) : null);
    }

    private static long after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("CURSOR_INVALID", "the cursor is not one this endpoint gave out");
        }
    }
}
