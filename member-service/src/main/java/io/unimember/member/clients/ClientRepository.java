package io.unimember.member.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record WithSecret(RegisteredClient client, String secretHash) {}

    Optional<WithSecret> find(String clientId) {
        return jdbc.sql(
                        "SELECT client_id, secret_hash, kind, bu, merchant_id, scopes FROM oauth_client WHERE client_id = ?")
                .param(clientId)
                .query(ClientRepository::map)
                .optional();
    }

    /** Inserts the client; a duplicate client id surfaces as {@code DuplicateKeyException}. */
    void insert(RegisteredClient client, String secretHash, Instant now) {
        jdbc.sql("INSERT INTO oauth_client (client_id, secret_hash, kind, bu, merchant_id, scopes, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        client.clientId(),
                        secretHash,
                        client.kind().name(),
                        client.bu(),
                        client.merchantId(),
                        String.join(" ", client.scopes()),
                        Timestamp.from(now))
                .update();
    }

    boolean merchantExists(String merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM oauth_client WHERE merchant_id = ? AND kind = 'MERCHANT'")
                        .param(merchantId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static WithSecret map(ResultSet rs, int row) throws SQLException {
        String scopes = rs.getString("scopes");
        return new WithSecret(
                new RegisteredClient(
                        rs.getString("client_id"),
                        ClientKind.valueOf(rs.getString("kind")),
                        rs.getString("bu"),
                        rs.getString("merchant_id"),
                        scopes.isBlank() ? java.util.List.of() : Arrays.asList(scopes.split(" "))),
                rs.getString("secret_hash"));
    }
}
