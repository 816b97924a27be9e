package io.unimember.member.tokens;

import io.unimember.member.support.AesGcm;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Makes RSA key pairs and turns them into stored text and back, the private half encrypted. */
final class KeyCodec {

    private static final int RSA_BITS = 2048;

    private final AesGcm encryption;

    KeyCodec(AesGcm encryption) {
        this.encryption = encryption;
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    static String encodePublic(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    String encryptPrivate(String kid, KeyPair pair) {
        return encryption.encrypt(pair.getPrivate().getEncoded(), "signing_key:" + kid);
    }

    static RSAPublicKey decodePublic(String encoded) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key is not an RSA key", e);
        }
    }

    PrivateKey decryptPrivate(String kid, String encrypted) {
        try {
            byte[] pkcs8 = encryption.decrypt(encrypted, "signing_key:" + kid);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored private key of " + kid + " is not an RSA key", e);
        }
    }
}
