package io.unimember.testsupport;

import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 tokens for tests, signed by a key pair made once per JVM whose public half {@link TestJwks} serves, so
 * services verify them exactly as they verify member-service's. The builder makes the hostile ones too (expired,
 * wrong issuer or audience, another key).
 */
public final class TestTokens {

    public static final String ISSUER = "http://unimember.test";
    public static final String KID = "test-key-1";
    static final KeyPair KEYS = generate();

    private TestTokens() {}

    public static String member(String memberId) {
        return builder()
                .subject(memberId)
                .claim("member_id", memberId)
                .scope("member")
                .build();
    }

    public static String bu(String bu) {
        return builder()
                .subject("bu-" + bu.toLowerCase(Locale.ROOT))
                .claim("bu", bu)
                .scope("bu:orders bu:members bu:redeem bu:campaigns")
                .build();
    }

    public static String merchant(String merchantId, String bu) {
        return builder()
                .subject(merchantId)
                .claim("merchant_id", merchantId)
                .claim("bu", bu)
                .scope("merchant:members merchant:verify")
                .build();
    }

    public static String admin() {
        return builder().subject("admin").scope("admin").build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    public static KeyPair newKeyPair() {
        return generate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with every field changeable; defaults make a valid token with no scope. */
    public static final class Builder {

        private String issuer = ISSUER;
        private String audience = "unimember";
        private String subject = "test";
        private String scope = "";
        private String kid = KID;
        private PrivateKey signingKey = KEYS.getPrivate();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);
        private final Map<String, Object> claims = new LinkedHashMap<>();

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder signedWith(PrivateKey key, String kid) {
            this.signingKey = key;
            this.kid = kid;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.lifetime = Duration.ofMinutes(15);
            return this;
        }

        public String build() {
            return Jwts.builder()
                    .header()
                    .keyId(kid)
                    .and()
                    .issuer(issuer)
                    .subject(subject)
                    .audience()
                    .add(audience)
                    .and()
                    .issuedAt(Date.from(issuedAt))
                    .expiration(Date.from(issuedAt.plus(lifetime)))
                    .id(UUID.randomUUID().toString())
                    .claim("scope", scope)
                    .claims(claims)
                    .signWith(signingKey, Jwts.SIG.RS256)
                    .compact();
        }
    }
}
