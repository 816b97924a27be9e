package io.unimember.member.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One consistent snapshot of the keys: the key that signs now, and every public key a live token may name.
 *
 * @param signing the active key's id and private half; null until the first key exists
 * @param publicKeys kid to public key of every published key
 * @param jwkSet the same public keys as a JWK set, for {@code /oauth2/jwks} and for verifying tokens here
 */
record KeyRing(@Nullable Signing signing, Map<String, RSAPublicKey> publicKeys, JWKSet jwkSet) {

    static final KeyRing EMPTY = of(null, Map.of());

    record Signing(String kid, PrivateKey privateKey) {}

    static KeyRing of(@Nullable Signing signing, Map<String, RSAPublicKey> publicKeys) {
        List<JWK> keys = new ArrayList<>();
        publicKeys.forEach((kid, key) -> keys.add(new RSAKey.Builder(key)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build()));
        return new KeyRing(signing, Map.copyOf(publicKeys), new JWKSet(keys));
    }
}
