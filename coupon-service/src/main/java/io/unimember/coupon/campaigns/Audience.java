package io.unimember.coupon.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who a campaign may act for: everyone (no audience), the members of some tiers, the members of an insight segment,
 * or, with both, the members of the segment in those tiers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Audience(
        @Nullable @Size(max = 16) List<@NotBlank @Size(max = 32) String> tiers,
        @Nullable @Size(max = 64) String segmentId) {

    boolean admits(@Nullable String tier, boolean inSegment) {
        List<String> named = tiers;
        boolean tierOk = named == null || named.isEmpty() || (tier != null && named.contains(tier));
        return tierOk && (segmentId == null || inSegment);
    }

    boolean byTier() {
        return tiers != null && !tiers.isEmpty();
    }
}
