package io.unimember.common.idempotency;

import io.unimember.common.web.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a retried write safe. A key (the {@code Idempotency-Key} header or a natural id like {@code orderId}) and a
 * hash of the request are stored in the same transaction as the change: replaying the same key and body returns the
 * stored status and body and changes nothing; the same key with a different body is {@code 409
 * IDEMPOTENCY_CONFLICT}. Two concurrent calls with one key serialize on the key's unique index, so the work runs
 * once. A call that fails stores nothing, so it can be retried.
 */
public class Idempotency {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** A key taken by a first call, its response still to come (status 0). */
    private static final String CLAIM =
            "INSERT INTO idempotency_key (scope, idem_key, request_hash, status, created_at) VALUES (?, ?, ?, 0, ?)";

    /** A checked key and the hash of its request. */
    public record Claim(String scope, String key, String hash) {}

    /** A claimed key's outcome, to store. */
    public record Recorded(Claim claim, int status, Object body) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final JsonMapper mapper;
    private final Clock clock;

    public Idempotency(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, JsonMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * A write to run once per {@code (scope, key)}; the key is checked (400 {@code IDEMPOTENCY_KEY_INVALID}) and the
     * request hashed now, before any transaction: {@code idempotency.once("hold:" + bu, holdId, request)
     * .answering(HttpStatus.CREATED, HoldReceipt.class, () -> holds.open(bu, request))}.
     *
     * @param scope what the key is unique within, e.g. {@code "order:DINE_IN"} or {@code "claim:" + memberId}
     * @param request what was asked; its hash tells a replay from a different request reusing the key
     */
    public Once once(String scope, String key, Object request) {
        return once(claim(scope, key, request));
    }

    /** {@link #once(String, String, Object)} for a key already checked by {@link #claim}. */
    public Once once(Claim claim) {
        return new Once(claim);
    }

    /** A claimed key's write, run by {@link #answering}; may be run again (a retry) while it has stored nothing. */
    public final class Once {

        private final Claim claim;

        private Once(Claim claim) {
            this.claim = claim;
        }

        /**
         * Runs {@code action} and stores its answer, in one transaction, if no call with the key has; else answers
         * what the first call answered (a replay), or {@code 409 IDEMPOTENCY_CONFLICT} if it asked something else.
         *
         * @param status the status a first successful call answers with
         */
        public <T> IdempotentResult<T> answering(HttpStatus status, Class<T> responseType, Supplier<T> action) {
            return answering(body -> status, responseType, action);
        }

        /** {@link #answering(HttpStatus, Class, Supplier)}, with the status a first call answers read off its body. */
        public <T> IdempotentResult<T> answering(
                java.util.function.Function<T, HttpStatus> statusOf, Class<T> responseType, Supplier<T> action) {
            return tx.execute(txStatus -> {
                if (!insertClaim(claim)) {
                    return replay(claim, responseType);
                }
                T body = action.get();
                HttpStatus status = statusOf.apply(body);
                jdbc.sql("UPDATE idempotency_key SET status = ?, response_body = ? WHERE scope = ? AND idem_key = ?")
                        .params(status.value(), mapper.writeValueAsString(body), claim.scope(), claim.key())
                        .update();
                return new IdempotentResult<>(status.value(), body, false);
            });
        }
    }

    /** Checks a key and hashes its request, before any transaction: the first step of {@link #once} and of a batch. */
    public Claim claim(String scope, String key, Object request) {
        requireValidKey(key);
        return new Claim(scope, key, hash(request));
    }

    /**
     * Claims many keys in the caller's transaction with one statement, for a batch of first calls (order intake's
     * group commit). Returns the claims that were already taken — replays, or keys a concurrent call holds — which
     * the batch must leave out and run through {@link #once(Claim)} instead; the rest are
     * now held until the transaction ends, and {@link #recordAll} stores their responses. Keys must be distinct.
     */
    public Set<Claim> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        try {
            insertClaims(claims);
            return Set.of();
        } catch (DuplicateKeyException someTaken) {
            // InnoDB undid just the statement; find which keys exist and claim the others
            Set<Claim> taken = taken(claims);
            List<Claim> free = claims.stream().filter(c -> !taken.contains(c)).toList();
            if (!free.isEmpty()) {
                insertClaims(free);
            }
            return taken;
        }
    }

    /** Stores the responses of keys {@link #claimAll} claimed in this transaction, with one statement. */
    public void recordAll(List<Recorded> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate(
                "INSERT INTO idempotency_key (scope, idem_key, request_hash, status, response_body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = VALUES(status),"
                        + " response_body = VALUES(response_body)",
                recorded,
                recorded.size(),
                (ps, r) -> {
                    ps.setString(1, r.claim().scope());
                    ps.setString(2, r.claim().key());
                    ps.setString(3, r.claim().hash());
                    ps.setInt(4, r.status());
                    ps.setString(5, mapper.writeValueAsString(r.body()));
                    ps.setTimestamp(6, now);
                });
    }

    private void insertClaims(List<Claim> claims) {
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate(CLAIM, claims, claims.size(), (ps, c) -> {
            ps.setString(1, c.scope());
            ps.setString(2, c.key());
            ps.setString(3, c.hash());
            ps.setTimestamp(4, now);
        });
    }

    private Set<Claim> taken(List<Claim> claims) {
        Set<String> scopes = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Claim c : claims) {
            scopes.add(c.scope());
            keys.add(c.key());
        }
        record Key(String scope, String key) {}
        Set<Key> existing = new HashSet<>(jdbc.sql("SELECT scope, idem_key FROM idempotency_key"
                        + " WHERE scope IN (:scopes) AND idem_key IN (:keys)")
                .param("scopes", scopes)
                .param("keys", keys)
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2)))
                .list());
        Set<Claim> taken = new HashSet<>();
        for (Claim c : claims) {
            if (existing.contains(new Key(c.scope(), c.key()))) {
                taken.add(c);
            }
        }
        return taken;
    }

    /** The stored outcome of a key, if a call with it has completed (empty while the first call is in flight). */
    public <T> Optional<IdempotentResult<T>> find(String scope, String key, Class<T> responseType) {
        // a key whose first call is still running has no response yet: nothing to replay
        return jdbc.sql("SELECT status, response_body FROM idempotency_key"
                        + " WHERE scope = ? AND idem_key = ? AND response_body IS NOT NULL")
                .params(scope, key)
                .query((rs, n) -> new IdempotentResult<>(
                        rs.getInt("status"), mapper.readValue(rs.getString("response_body"), responseType), true))
                .optional();
    }

    public static void requireValidKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.badRequest(
                    "IDEMPOTENCY_KEY_INVALID", "an idempotency key is 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    private boolean insertClaim(Claim claim) {
        try {
            jdbc.sql(CLAIM)
                    .params(claim.scope(), claim.key(), claim.hash(), Timestamp.from(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private <T> IdempotentResult<T> replay(Claim claim, Class<T> responseType) {
        record Stored(String hash, int status, String body) {}
        Stored stored = jdbc.sql(
                        "SELECT request_hash, status, response_body FROM idempotency_key WHERE scope = ? AND idem_key = ?")
                .params(claim.scope(), claim.key())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .single();
        if (!stored.hash().equals(claim.hash())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_CONFLICT",
                    "this key was already used with a different request: " + claim.key());
        }
        return new IdempotentResult<>(stored.status(), mapper.readValue(stored.body(), responseType), true);
    }

    private String hash(Object request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
