package io.unimember.tier.reads;

import io.unimember.common.security.Caller;
import io.unimember.tier.growth.GrowthLedger;
import io.unimember.tier.membership.MemberQueries;
import io.unimember.tier.membership.MemberTier;
import io.unimember.tier.tiers.Tier;
import io.unimember.tier.tiers.TierRules;
import io.unimember.tier.tiers.TierTable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's own tier. Growth is computed at read time over the window ending now, so it is never staler than the
 * last applied event. A member tier-service has not heard of yet is in the lowest tier with no growth.
 */
@RestController
class MyTierController {

    private final MemberQueries members;
    private final GrowthLedger ledger;
    private final TierRules rules;
    private final Clock clock;

    MyTierController(MemberQueries members, GrowthLedger ledger, TierRules rules, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The calling member's tier: growth, what the next tier needs, until when the tier is kept, and its
     * history.
     */
    @GetMapping("/api/v1/tiers/me")
    @PreAuthorize("hasAuthority('SCOPE_member')")
    MyTierView me(Caller caller) {
        String memberId = caller.memberId();
        TierTable table = rules.current();
        Optional<MemberTier> member = members.find(memberId);
        Tier tier = member.flatMap(m -> table.find(m.tier())).orElse(table.lowest());
        long growth = ledger.rollingGrowth(memberId, clock.instant());
        return new MyTierView(
                tier.code(),
                tier.name(),
                growth,
                table.above(tier.code()).map(Tier::code).orElse(null),
                table.growthToNext(tier.code(), growth),
                member.map(m -> m.standing().retainedUntil()).orElse(null),
                tier.multiplierText(),
                tier.monthlyCoupons(),
                member.isPresent() ? members.history(memberId) : List.of());
    }
}
