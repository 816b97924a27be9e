package io.unimember.member.tokens;

import io.unimember.member.support.Hashing;
import io.unimember.member.support.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens with rotation: each is an opaque random string, stored only as its SHA-256, usable once. Using
 * one issues the next in its family; presenting a used one again means it leaked (or was stolen and used first),
 * so the whole family is revoked and neither holder can refresh any more.
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final String PREFIX = "umrt_";

    private final RefreshTokenRepository repository;
    private final TokenProperties properties;
    private final Clock clock;

    RefreshTokens(RefreshTokenRepository repository, TokenProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    sealed interface Outcome {}

    record Rotated(String memberId, String scope, String refreshToken) implements Outcome {}

    record Reused(String familyId, String memberId) implements Outcome {}

    record Rejected(String reason) implements Outcome {}

    record ScopeRejected(String reason) implements Outcome {}

    /** The first refresh token of a new family (a login). */
    @Transactional
    String start(String memberId, String scope) {
        String familyId = UUID.randomUUID().toString();
        repository.insertFamily(familyId, memberId, clock.instant());
        return issue(familyId, memberId, scope);
    }

    /**
     * Uses {@code presented} up and issues its successor. The reuse case commits its revocation, so callers turn
     * the outcome into an error after this returns, never by throwing inside it.
     */
    @Transactional
    Outcome rotate(String presented, @Nullable List<String> requestedScopes) {
        Instant now = clock.instant();
        String hash = Hashing.sha256Hex(presented);
        Optional<RefreshTokenRepository.Stored> found = repository.lock(hash);
        if (found.isEmpty()) {
            return new Rejected("unknown refresh token");
        }
        RefreshTokenRepository.Stored stored = found.get();
        if (stored.familyRevokedAt() != null) {
            return new Rejected("the refresh token was revoked");
        }
        if (stored.usedAt() != null) {
            repository.revokeFamily(stored.familyId(), now, "REUSE");
            return new Reused(stored.familyId(), stored.memberId());
        }
        if (!stored.expiresAt().isAfter(now)) {
            return new Rejected("the refresh token expired");
        }
        if (requestedScopes != null && !List.of(stored.scope().split(" ")).containsAll(requestedScopes)) {
            return new ScopeRejected("a refresh may narrow the granted scope, never widen it");
        }
        repository.markUsed(hash, now);
        return new Rotated(
                stored.memberId(), stored.scope(), issue(stored.familyId(), stored.memberId(), stored.scope()));
    }

    /** Expired tokens are useless; drop them a day after expiry, in small batches. */
    @Scheduled(fixedDelayString = "${unimember.tokens.cleanup-every:PT1H}", initialDelayString = "PT5M")
    void deleteExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        int deleted;
        int total = 0;
        do {
            deleted = repository.deleteExpired(cutoff, 1_000);
            total += deleted;
        } while (deleted == 1_000);
        if (total > 0) {
            log.info("deleted {} expired refresh tokens", total);
        }
    }

    private String issue(String familyId, String memberId, String scope) {
        Instant now = clock.instant();
        String token = PREFIX + RandomIds.secret(32);
        repository.insert(Hashing.sha256Hex(token), familyId, memberId, scope, now, now.plus(properties.refreshTtl()));
        return token;
    }
}
