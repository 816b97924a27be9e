package io.unimember.member.tokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Access tokens revoked before they expire (a member logged out), by {@code jti}. MySQL is the record; the Redis
 * stream {@value #STREAM} (fields {@code jti}, {@code expires} in epoch millis; trimmed to about
 * {@value #STREAM_LENGTH} entries, far more than are revoked within a token's lifetime) carries them to the gateways,
 * which read it every second. Every member-service instance reloads the record every few seconds; the instance that
 * revokes refuses the token at once. A check is a map lookup in memory.
 */
@Component
public class RevokedAccessTokens {

    public static final String STREAM = "unimember:revoked-tokens";
    static final long STREAM_LENGTH = 100_000;

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> expiryByJti = new ConcurrentHashMap<>();

    RevokedAccessTokens(JdbcClient jdbc, StringRedisTemplate redis, Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.clock = clock;
    }

    /** Whether this token was revoked (and has not expired anyway). */
    public boolean isRevoked(String jti) {
        Long expiry = expiryByJti.get(jti);
        return expiry != null && expiry > clock.millis();
    }

    /**
     * Records the revocation and tells the gateways. Throws when Redis cannot be told, inside the caller's
     * transaction: the client gets a 503 and retries (revoking twice is harmless).
     */
    void revoke(String jti, String subject, Instant expiresAt) {
        long expiry = expiresAt.toEpochMilli();
        if (expiry <= clock.millis() || expiryByJti.containsKey(jti)) {
            return; // expired anyway, or already revoked and announced here (a logout that also ends its family)
        }
        jdbc.sql("INSERT INTO revoked_access_token (jti, member_id, revoked_at, expires_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE jti = jti")
                .params(jti, subject, Timestamp.from(clock.instant()), Timestamp.from(expiresAt))
                .update();
        redis.opsForStream().add(STREAM, Map.of("jti", jti, "expires", Long.toString(expiry)));
        redis.opsForStream().trim(STREAM, STREAM_LENGTH, true);
        expiryByJti.put(jti, expiry);
    }

    /**
     * Reloads the unexpired revocations from MySQL (other instances' revocations arrive so) and forgets expired
     * ones; deletes rows a day past expiry.
     */
    @Scheduled(fixedDelayString = "${unimember.tokens.revocation-reload-every:PT5S}", initialDelay = 0)
    void reload() {
        Instant now = clock.instant();
        jdbc.sql("SELECT jti, expires_at FROM revoked_access_token WHERE expires_at > ?")
                .param(Timestamp.from(now))
                .query((rs, n) -> expiryByJti.put(
                        rs.getString(1), rs.getTimestamp(2).toInstant().toEpochMilli()))
                .list();
        expiryByJti.values().removeIf(expiry -> expiry <= now.toEpochMilli());
        jdbc.sql("DELETE FROM revoked_access_token WHERE expires_at < ? LIMIT 1000")
                .param(Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
    }
}
