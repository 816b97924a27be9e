package io.unimember.tier.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Read-only questions about members, for the member's own view and for the jobs that walk all members. */
@Service
public class MemberQueries {

    /** One entry of a member's tier history. */
    public record Change(@Nullable String from, String to, String reason, long growth, Instant changedAt) {}

    private final MemberTiers members;
    private final TierHistory history;
    private final MembershipProperties properties;

    MemberQueries(MemberTiers members, TierHistory history, MembershipProperties properties) {
        this.members = members;
        this.history = history;
        this.properties = properties;
    }

    public Optional<MemberTier> find(String memberId) {
        return members.find(memberId);
    }

    /** The newest tier events first, as many as the configured history limit. */
    public List<Change> history(String memberId) {
        return history.newest(memberId, properties.historyLimit());
    }

    public List<String> downgradeCandidates(String lowestTier, String period, Instant now, String after, int limit) {
        return members.downgradeCandidates(lowestTier, period, now, after, limit);
    }

    public List<String> evaluatedBefore(long revision, String after, int limit) {
        return members.evaluatedBefore(revision, after, limit);
    }
}
