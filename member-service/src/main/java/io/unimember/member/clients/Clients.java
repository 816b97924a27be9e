package io.unimember.member.clients;

import io.unimember.member.support.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

    public Optional<RegisteredClient> authenticate(String clientId, String secret) {
        Optional<ClientRepository.WithSecret> found = repository.find(clientId);
        if (found.isEmpty()) {
            encoder.matches(secret, decoyHash);
            return Optional.empty();
        }
        return encoder.matches(secret, found.get().secretHash())
                ? Optional.of(found.get().client())
                : Optional.empty();
    }

    /** Registers a client with a generated secret; a taken client id is a {@link DuplicateKeyException}. */
    public Created register(RegisteredClient client) {
        String secret = RandomIds.secret(32);
        Instant now = clock.instant();
        repository.insert(client, encoder.encode(secret), now);
        return new Created(client, secret, now);
    }

    /** Registers a client with a given secret unless its id exists; for seeding. Returns whether it was made. */
    public boolean ensure(RegisteredClient client, String secret) {
        if (repository.find(client.clientId()).isPresent()) {
            return false;
        }
        try {
            repository.insert(client, encoder.encode(secret), clock.instant());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public boolean merchantExists(String merchantId) {
        return repository.merchantExists(merchantId);
    }
}
