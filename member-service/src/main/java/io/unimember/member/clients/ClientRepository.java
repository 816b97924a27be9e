package io.unimember.member.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Clients.Registration> find(String clientId) {
        return jdbc.sql("SELECT client_id, secret_hash, kind, bu, merchant_id, scopes, client_name, redirect_uris,"
                        + " disabled_at FROM oauth_client WHERE client_id = ?")
                .param(clientId)
                .query(ClientRepository::map)
                .optional();
    }

    /** Inserts the client; a duplicate client id surfaces as {@code DuplicateKeyException}. */
    void insert(
            RegisteredClient client,
            @Nullable String secretHash,
            @Nullable String name,
            List<String> redirectUris,
            Instant now) {
        jdbc.sql("INSERT INTO oauth_client (client_id, secret_hash, kind, bu, merchant_id, scopes, client_name,"
                        + " redirect_uris, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(client.clientId()) // one by one: five may be NULL, and params(Object...) takes no nulls
                .param(secretHash)
                .param(client.kind().name())
                .param(client.bu())
                .param(client.merchantId())
                .param(String.join(" ", client.scopes()))
                .param(name)
                .param(redirectUris.isEmpty() ? null : String.join(" ", redirectUris))
                .param(Timestamp.from(now))
                .update();
    }

    Optional<ClientView> view(String clientId) {
        return jdbc.sql("SELECT client_id, secret_hash, kind, bu, merchant_id, scopes, client_name, redirect_uris,"
                        + " created_at, disabled_at FROM oauth_client WHERE client_id = ?")
                .param(clientId)
                .query(ClientRepository::view)
                .optional();
    }

    List<ClientView> ofBu(String bu) {
        return jdbc.sql("SELECT client_id, secret_hash, kind, bu, merchant_id, scopes, client_name, redirect_uris,"
                        + " created_at, disabled_at FROM oauth_client WHERE bu = ? ORDER BY created_at LIMIT 1000")
                .param(bu)
                .query(ClientRepository::view)
                .list();
    }

    void updateSecret(String clientId, String secretHash) {
        jdbc.sql("UPDATE oauth_client SET secret_hash = ? WHERE client_id = ?")
                .params(secretHash, clientId)
                .update();
    }

    void disable(String clientId, Instant now) {
        jdbc.sql("UPDATE oauth_client SET disabled_at = ? WHERE client_id = ? AND disabled_at IS NULL")
                .params(Timestamp.from(now), clientId)
                .update();
    }

    boolean merchantExists(String merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM oauth_client WHERE merchant_id = ? AND kind = 'MERCHANT'")
                        .param(merchantId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static Clients.Registration map(ResultSet rs, int row) throws SQLException {
        return new Clients.Registration(
                new RegisteredClient(
                        rs.getString("client_id"),
                        ClientKind.valueOf(rs.getString("kind")),
                        rs.getString("bu"),
                        rs.getString("merchant_id"),
                        words(rs.getString("scopes"))),
                rs.getString("secret_hash"),
                rs.getString("client_name"),
                words(rs.getString("redirect_uris")),
                rs.getTimestamp("disabled_at") != null);
    }

    private static ClientView view(ResultSet rs, int row) throws SQLException {
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new ClientView(
                rs.getString("client_id"),
                ClientKind.valueOf(rs.getString("kind")),
                rs.getString("bu"),
                rs.getString("merchant_id"),
                words(rs.getString("scopes")),
                rs.getString("client_name"),
                words(rs.getString("redirect_uris")),
                rs.getString("secret_hash") == null,
                rs.getTimestamp("created_at").toInstant(),
                disabled == null ? null : disabled.toInstant());
    }

    private static List<String> words(@Nullable String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.split(" "));
    }
}
