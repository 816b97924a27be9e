package io.unimember.coupon.campaigns;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which members campaigns' audiences admit, for a batch of members and campaigns at once: their tiers (one
 * statement, only if an audience names tiers) and their segments (one statement, only if one names a segment).
 */
@Component
class Audiences {

    /** What the batch's members are: tiers and (segment, member) pairs, enough to judge every campaign given. */
    record Known(Map<String, String> tierOf, Set<List<String>> inSegment) {

        boolean admits(Campaign c, String memberId) {
            return admits(c, memberId, tierOf.get(memberId));
        }

        /** As {@link #admits(Campaign, String)}, for a member known to be in {@code tier} (a tier event's). */
        boolean admits(Campaign c, String memberId, @Nullable String tier) {
            Audience a = c.audience();
            return a == null
                    || a.admits(tier, a.segmentId() != null && inSegment.contains(List.of(a.segmentId(), memberId)));
        }
    }

    private final TierLookup tiers;
    private final SegmentMembers segments;

    Audiences(TierLookup tiers, SegmentMembers segments) {
        this.tiers = tiers;
        this.segments = segments;
    }

    Known of(Collection<Campaign> campaigns, Collection<String> memberIds) {
        boolean byTier = campaigns.stream()
                .anyMatch(c -> c.audience() != null && c.audience().byTier());
        Set<String> segmentIds = new HashSet<>();
        campaigns.forEach(c -> {
            if (c.audience() != null && c.audience().segmentId() != null) {
                segmentIds.add(c.audience().segmentId());
            }
        });
        return new Known(
                byTier ? tiers.tiersOf(memberIds) : Map.of(),
                segmentIds.isEmpty() ? Set.of() : segments.pairsOf(segmentIds, memberIds));
    }
}
