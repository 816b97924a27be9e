package io.unimember.gateway;

import io.unimember.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens an attacker could forge without the private key, built by hand because no honest library makes them. */
final class HostileTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HostileTokens() {}

    /** A real member token's claims under {@code alg: none}, with no signature. */
    static String algNone(String memberId) {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + payloadOf(TestTokens.member(memberId)) + ".";
    }

    /** A real member token's claims signed HS256 with the RSA public key's bytes as the HMAC secret. */
    static String hs256WithPublicKey(String memberId) {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + TestTokens.KID + "\"}");
        String signingInput = header + "." + payloadOf(TestTokens.member(memberId));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestTokens.publicKey().getEncoded(), "HmacSHA256"));
            return signingInput + "."
                    + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
