package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class KeyRotationTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys keys;

    @Test
    void aRotatedKeyKeepsOldTokensValidWhileNewTokensUseTheNewKid() throws Exception {
        TestApi.Member before = api.newMember();
        String oldKid = kidOf(before.token());

        var rotated = api.post("/api/v1/admin/keys/rotate", api.adminToken(), "{}");

        assertThat(rotated.getStatusCode().value()).isEqualTo(201);
        assertThat(rotated.getBody()).contains("\"previousKid\":\"" + oldKid + "\"");
        TestApi.Member after = api.newMember();
        String newKid = kidOf(after.token());
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.getBody()).contains("\"kid\":\"" + newKid + "\"");
        assertThat(api.get("/api/v1/members/me", before.token()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/members/me", after.token()).getStatusCode().value())
                .isEqualTo(200);
        JWKSet published = JWKSet.parse(api.get("/oauth2/jwks", null).getBody());
        assertThat(published.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(published.getKeyByKeyId(newKid)).isNotNull();
        // the old key cannot sign any more, and leaves the JWKS only after the longest token lifetime
        assertThat(jdbc.sql("SELECT private_key_enc FROM signing_key WHERE kid = ?")
                        .param(oldKid)
                        .query(String.class)
                        .optional())
                .isEmpty();
        Instant retireAt = jdbc.sql("SELECT retire_at FROM signing_key WHERE kid = ?")
                .param(oldKid)
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(retireAt).isAfter(Instant.now().plus(Duration.ofMinutes(60)));
    }

    @Test
    void onceARetiredKeyLeavesTheJwksItsTokensAreRejected() throws Exception {
        TestApi.Member member = api.newMember();
        String oldKid = kidOf(member.token());
        // verified once, so the service remembers it: retirement must still reject it
        assertThat(api.get("/api/v1/members/me", member.token()).getStatusCode().value())
                .isEqualTo(200);
        api.post("/api/v1/admin/keys/rotate", api.adminToken(), "{}");

        jdbc.sql("UPDATE signing_key SET retire_at = ? WHERE kid = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), oldKid)
                .update();
        keys.reload();

        assertThat(api.get("/api/v1/members/me", member.token()).getStatusCode().value())
                .isEqualTo(401);
        assertThat(JWKSet.parse(api.get("/oauth2/jwks", null).getBody()).getKeyByKeyId(oldKid))
                .isNull();
        assertThat(api.get("/api/v1/members/me", api.newMember().token())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminMayRotate() {
        var asBu = api.post("/api/v1/admin/keys/rotate", api.buToken("RETAIL"), "{}");

        assertThat(asBu.getStatusCode().value()).isEqualTo(403);
    }

    private static String kidOf(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
