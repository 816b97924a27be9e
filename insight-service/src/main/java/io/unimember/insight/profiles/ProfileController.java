package io.unimember.insight.profiles;

import io.unimember.common.web.ApiException;
import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.queries.StoreQueries;
import io.unimember.insight.queries.Where;
import io.unimember.insight.stream.InsightTopology;
import io.unimember.insight.tags.TagDefinitions;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: a member's profile, from the members store of the instance that holds the member. Asked here for a member
 * another instance holds, it forwards the request there once (marked, so two instances with different views of a
 * rebalance cannot pass it back and forth).
 */
@RestController
@Validated
class ProfileController {

    static final String FORWARDED = "X-Insight-Forwarded";

    private final StoreQueries stores;
    private final TagDefinitions tags;
    private final ProfileForwarder forwarder;
    private final RfmRegistry rfm;

    ProfileController(StoreQueries stores, TagDefinitions tags, ProfileForwarder forwarder, RfmRegistry rfm) {
        this.rfm = rfm;
        this.stores = stores;
        this.tags = tags;
        this.forwarder = forwarder;
    }

    /**
     * Reads a member's insight profile: recency, frequency, spend, RFM, stage, tags. Admins only. Computed from the
     * member's events as of asOf; an instance that does not hold the member asks the one that does. A member insight
     * has seen no event of is 404 MEMBER_NOT_FOUND, and while the member's data cannot be read (an instance starting or
     * rebalancing) the answer is 503 INSIGHT_UNAVAILABLE, to be retried.
     */
    @GetMapping("/api/v1/admin/members/{memberId}/profile")
    Profile profile(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String memberId,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(name = FORWARDED, required = false) @Nullable String forwarded) {
        return switch (stores.where(InsightTopology.MEMBERS_STORE, memberId)) {
            case Where.Here here -> local(memberId, here.partition());
            case Where.There there -> {
                if (forwarded != null) {
                    throw StoreQueries.unavailable("the member's partition is moving between instances");
                }
                yield forwarder.fetch(there.host(), memberId, authorization);
            }
            case Where.Nowhere nowhere -> throw StoreQueries.unavailable(nowhere.reason());
        };
    }

    private Profile local(String memberId, int partition) {
        MemberState state =
                stores.<MemberState>local(InsightTopology.MEMBERS_STORE).get(memberId);
        if (state == null) {
            throw ApiException.notFound("MEMBER_NOT_FOUND", "insight has seen no event of member " + memberId);
        }
        return Profile.of(memberId, state, rfm.scores(partition, state), tags.manualTags(memberId));
    }
}
