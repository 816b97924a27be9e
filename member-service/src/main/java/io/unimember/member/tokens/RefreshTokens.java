package io.unimember.member.tokens;

import io.unimember.member.support.Hashing;
import io.unimember.member.support.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
 * so the whole family is revoked, and with it every live access token issued with the family: neither holder can
 * refresh or call anything any more. A family belongs to one client (none: the first-party app's phone login).
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    static final String PREFIX = "umrt_";

    private final RefreshTokenRepository repository;
    private final RevokedAccessTokens revokedAccess;
    private final TokenProperties properties;
    private final Clock clock;

    RefreshTokens(
            RefreshTokenRepository repository,
            RevokedAccessTokens revokedAccess,
            TokenProperties properties,
            Clock clock) {
        this.repository = repository;
        this.revokedAccess = revokedAccess;
        this.properties = properties;
        this.clock = clock;
    }

    sealed interface Outcome {}

    record Rotated(String familyId, String memberId, String scope, String refreshToken) implements Outcome {}

    record Reused(String familyId, String memberId) implements Outcome {}

    record Rejected(String reason) implements Outcome {}

    record ScopeRejected(String reason) implements Outcome {}

    record Started(String familyId, String refreshToken) {}

    /** The first refresh token of a new family: a login, or an app's authorization ({@code familyId} its id). */
    @Transactional
    Started start(@Nullable String familyId, String memberId, @Nullable String clientId, String scope) {
        String family = familyId != null ? familyId : UUID.randomUUID().toString();
        repository.insertFamily(family, memberId, clientId, clock.instant());
        return new Started(family, issue(family, memberId, scope));
    }

    /** Links an access token to its family, so revoking the family revokes it. */
    void recordAccess(String familyId, AccessTokens.Minted access) {
        repository.insertAccess(familyId, access.jti(), access.expiresAt());
    }

    /**
     * Uses {@code presented} up and issues its successor, for the client that holds the family ({@code clientId}
     * null: the first-party app). The reuse case commits its revocation, so callers turn the outcome into an error
     * after this returns, never by throwing inside it.
     */
    @Transactional
    Outcome rotate(String presented, @Nullable List<String> requestedScopes, @Nullable String clientId) {
        Instant now = clock.instant();
        String hash = Hashing.sha256Hex(presented);
        Optional<RefreshTokenRepository.Stored> found = repository.lock(hash);
        if (found.isEmpty()) {
            return new Rejected("unknown refresh token");
        }
        RefreshTokenRepository.Stored stored = found.get();
        if (!Objects.equals(stored.clientId(), clientId)) {
            // a token of another client's family is, to this client, a token that does not exist
            return new Rejected("unknown refresh token");
        }
        if (stored.familyRevokedAt() != null) {
            return new Rejected("the refresh token was revoked");
        }
        if (stored.usedAt() != null) {
            revokeFamily(stored, now, "REUSE");
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
                stored.familyId(),
                stored.memberId(),
                stored.scope(),
                issue(stored.familyId(), stored.memberId(), stored.scope()));
    }

    /** The stored state of a token, for introspection; empty when unknown. */
    Optional<RefreshTokenRepository.Stored> find(String presented) {
        return repository.find(Hashing.sha256Hex(presented));
    }

    /**
     * Revokes the family of {@code presented} if it belongs to {@code memberId} (when given) or to {@code clientId};
     * its live access tokens go with it. Returns whether a family was revoked.
     */
    @Transactional
    boolean revoke(String presented, @Nullable String memberId, @Nullable String clientId, String reason) {
        Optional<RefreshTokenRepository.Stored> found = repository.lock(Hashing.sha256Hex(presented));
        if (found.isEmpty()) {
            return false;
        }
        RefreshTokenRepository.Stored stored = found.get();
        boolean owner =
                memberId != null ? stored.memberId().equals(memberId) : Objects.equals(stored.clientId(), clientId);
        if (!owner) {
            return false;
        }
        revokeFamily(stored, clock.instant(), reason);
        return true;
    }

    /**
     * Revokes one family by its id, with its live access tokens: an app's authorization whose code was presented
     * twice (RFC 6749 §4.1.2), whether or not it got as far as a refresh token.
     */
    @Transactional
    void revokeFamily(String familyId, String reason) {
        Instant now = clock.instant();
        String memberId = repository.memberOfFamily(familyId).orElse(null);
        if (memberId != null) {
            revokeFamily(familyId, memberId, now, reason);
        } else {
            for (RefreshTokenRepository.FamilyAccess access : repository.liveAccess(familyId, now)) {
                revokedAccess.revoke(access.jti(), "unknown", access.expiresAt());
            }
        }
    }

    /** Revokes every family of the member, and their live access tokens (an account deletion). */
    @Transactional
    void revokeAllOf(String memberId, String reason) {
        Instant now = clock.instant();
        for (String familyId : repository.liveFamiliesOf(memberId)) {
            revokeFamily(familyId, memberId, now, reason);
        }
    }

    private void revokeFamily(RefreshTokenRepository.Stored stored, Instant now, String reason) {
        revokeFamily(stored.familyId(), stored.memberId(), now, reason);
    }

    private void revokeFamily(String familyId, String memberId, Instant now, String reason) {
        repository.revokeFamily(familyId, now, reason);
        for (RefreshTokenRepository.FamilyAccess access : repository.liveAccess(familyId, now)) {
            revokedAccess.revoke(access.jti(), memberId, access.expiresAt());
        }
    }

    /** Expired tokens are useless; drop them a day after expiry, in small batches. */
    @Scheduled(fixedDelayString = "${unimember.tokens.cleanup-every:PT1H}", initialDelayString = "PT5M")
    void deleteExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        int deleted;
        int total = 0;
        do {
            deleted = repository.deleteExpired(cutoff, 1_000) + repository.deleteExpiredAccess(cutoff, 1_000);
            total += deleted;
        } while (deleted >= 1_000);
        if (total > 0) {
            log.info("deleted {} expired refresh tokens and access-token links", total);
        }
    }

    private String issue(String familyId, String memberId, String scope) {
        Instant now = clock.instant();
        String token = PREFIX + RandomIds.secret(32);
        repository.insert(Hashing.sha256Hex(token), familyId, memberId, scope, now, now.plus(properties.refreshTtl()));
        return token;
    }
}
