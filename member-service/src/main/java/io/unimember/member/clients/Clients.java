package io.unimember.member.clients;

import io.unimember.member.support.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The client registry: registers clients with a fresh secret (returned once, stored as a BCrypt hash) and checks a
 * presented id and secret.
 */
@Service
public class Clients {

    private final ClientRepository repository;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Checked against when the client id is unknown, so a wrong id costs as long as a wrong secret. */
    private final String decoyHash = encoder.encode(RandomIds.secret(16));

    Clients(ClientRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new client and its secret, which is never shown again. */
    public record Created(RegisteredClient client, String secret, Instant createdAt) {}

    /**
     * A client as the authorization server needs it.
     *
     * @param secretHash the password-encoded secret; null for a public app (a mini-program), which proves itself with
     *     PKCE alone
     * @param name what the consent page calls the app
     * @param redirectUris where an app's authorization answers may go (exact match)
     */
    public record Registration(
            RegisteredClient client,
            @Nullable String secretHash,
            @Nullable String name,
            List<String> redirectUris,
            boolean disabled) {}

    public Optional<Registration> find(String clientId) {
        return repository.find(clientId);
    }

    /** The client if the secret is its own and it is not disabled. */
    public Optional<RegisteredClient> authenticate(String clientId, String secret) {
        Optional<Registration> found = repository.find(clientId).filter(r -> r.secretHash() != null);
        if (found.isEmpty()) {
            encoder.matches(secret, decoyHash);
            return Optional.empty();
        }
        return encoder.matches(secret, found.get().secretHash()) && !found.get().disabled()
                ? Optional.of(found.get().client())
                : Optional.empty();
    }

    /** Registers a client with a generated secret; a taken client id is a {@link DuplicateKeyException}. */
    public Created register(RegisteredClient client) {
        return register(client, null, List.of());
    }

    /** Registers a client (an app: with its name and redirect URIs) with a generated secret. */
    public Created register(RegisteredClient client, @Nullable String name, List<String> redirectUris) {
        String secret = RandomIds.secret(32);
        Instant now = clock.instant();
        repository.insert(client, encoder.encode(secret), name, redirectUris, now);
        return new Created(client, secret, now);
    }

    /** Registers a public app (no secret: PKCE alone proves it); a taken client id is a duplicate key. */
    public Instant registerPublic(RegisteredClient client, @Nullable String name, List<String> redirectUris) {
        Instant now = clock.instant();
        repository.insert(client, null, name, redirectUris, now);
        return now;
    }

    /** Registers a client with a given secret unless its id exists; for seeding. Returns whether it was made. */
    public boolean ensure(RegisteredClient client, String secret) {
        return ensure(client, secret, null, List.of());
    }

    /** As {@link #ensure(RegisteredClient, String)}, for an app with a name and redirect URIs. */
    public boolean ensure(RegisteredClient client, String secret, @Nullable String name, List<String> redirectUris) {
        if (repository.find(client.clientId()).isPresent()) {
            return false;
        }
        try {
            repository.insert(client, encoder.encode(secret), name, redirectUris, clock.instant());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** A client's new secret, shown once; the previous one stops working now. */
    record Rotated(String secret, Instant at) {}

    Rotated rotateSecret(String clientId) {
        String secret = RandomIds.secret(32);
        repository.updateSecret(clientId, encoder.encode(secret));
        return new Rotated(secret, clock.instant());
    }

    /** The client gets no more tokens (those it holds expire within the client token lifetime). */
    void disable(String clientId) {
        repository.disable(clientId, clock.instant());
    }

    public boolean merchantExists(String merchantId) {
        return repository.merchantExists(merchantId);
    }
}
