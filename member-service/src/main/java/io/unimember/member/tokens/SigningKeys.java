package io.unimember.member.tokens;

import io.unimember.member.support.AesGcm;
import io.unimember.member.support.RandomIds;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys: makes the first one, rotates them, and keeps an in-memory {@link KeyRing} that signing and
 * verifying read without touching the database. Every instance rereads the table periodically (and when a token
 * names a key it does not know), so a rotation on one instance reaches all.
 */
@Component
class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final DateTimeFormatter KID_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    /** An unknown kid triggers a reload at most this often, so forged kids cannot hammer the database. */
    private static final Duration UNKNOWN_KID_RELOAD_SPACING = Duration.ofSeconds(5);

    private final SigningKeyRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TokenProperties properties;
    private final KeyCodec codec;
    private volatile KeyRing ring = KeyRing.EMPTY;
    private volatile Instant loadedAt = Instant.EPOCH;

    SigningKeys(SigningKeyRepository repository, TransactionTemplate tx, Clock clock, TokenProperties properties) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.codec = new KeyCodec(new AesGcm(properties.keyEncryptionSecret(), "signing-keys"));
    }

    record Rotation(String kid, @Nullable String previousKid, @Nullable Instant previousRetiresAt) {}

    @Override
    public void afterSingletonsInstantiated() {
        ensureActiveKey();
        reload();
    }

    KeyRing ring() {
        return ring;
    }

    /** The key to sign with now; makes or loads one if this instance has none yet. */
    KeyRing.Signing signing() {
        KeyRing.Signing signing = ring.signing();
        if (signing == null) {
            ensureActiveKey();
            reload();
            signing = ring.signing();
        }
        if (signing == null) {
            throw new IllegalStateException("no active signing key");
        }
        return signing;
    }

    /** Makes a new active key; the previous one stops signing now and stays published until its tokens expired. */
    Rotation rotate() {
        Rotation rotation = tx.execute(status -> {
            Instant now = clock.instant();
            Optional<StoredKey> previous = repository.lockActive();
            Instant retireAt = now.plus(properties.longestAccessTtl())
                    .plus(properties.keyReloadInterval())
                    .plus(properties.retireGrace());
            previous.ifPresent(key -> repository.deactivate(key.kid(), now, retireAt));
            String kid = insertNewKey(now);
            return new Rotation(kid, previous.map(StoredKey::kid).orElse(null), previous.isPresent() ? retireAt : null);
        });
        reload();
        log.info(
                "signing key rotated: {} now signs, {} retires at {}",
                rotation.kid(),
                rotation.previousKid(),
                rotation.previousRetiresAt());
        return rotation;
    }

    /** A token named a key we do not hold: another instance may have rotated, so look again (not too often). */
    void reloadForUnknownKid() {
        if (Duration.between(loadedAt, clock.instant()).compareTo(UNKNOWN_KID_RELOAD_SPACING) >= 0) {
            reload();
        }
    }

    @Scheduled(
            fixedDelayString = "${unimember.tokens.key-reload-interval:PT30S}",
            initialDelayString = "${unimember.tokens.key-reload-interval:PT30S}")
    void scheduledReload() {
        try {
            reload();
        } catch (DataAccessException e) {
            log.warn("could not reload signing keys, keeping the ones held: {}", e.getMessage());
        }
    }

    synchronized void reload() {
        Instant now = clock.instant();
        KeyRing.Signing signing = null;
        Map<String, RSAPublicKey> publicKeys = new LinkedHashMap<>();
        for (StoredKey key : repository.findPublished(now)) {
            publicKeys.put(key.kid(), KeyCodec.decodePublic(key.publicKey()));
            if (key.active() && key.privateKeyEncrypted() != null) {
                signing = new KeyRing.Signing(key.kid(), codec.decryptPrivate(key.kid(), key.privateKeyEncrypted()));
            }
        }
        ring = KeyRing.of(signing, publicKeys);
        loadedAt = now;
    }

    private void ensureActiveKey() {
        try {
            tx.executeWithoutResult(status -> {
                if (repository.lockActive().isEmpty()) {
                    String kid = insertNewKey(clock.instant());
                    log.info("made the first signing key {}", kid);
                }
            });
        } catch (DataAccessException raced) {
            // another instance made the first key at the same moment (unique active index or deadlock): use theirs
            log.info("another instance made the first signing key: {}", raced.getMessage());
        }
    }

    private String insertNewKey(Instant now) {
        KeyPair pair = KeyCodec.generate();
        String kid = RandomIds.base32("k" + KID_DATE.format(now) + "-", 10);
        repository.insertActive(kid, KeyCodec.encodePublic(pair), codec.encryptPrivate(kid, pair), now);
        return kid;
    }
}
