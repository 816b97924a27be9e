package io.unimember.member.members;

import io.unimember.member.support.AesGcm;
import io.unimember.member.support.Hashing;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Turns a phone number into what is stored: a keyed hash to look it up, and a ciphertext bound to its member. */
@Component
public class PhoneProtection {

    private final String pepper;
    private final AesGcm encryption;

    PhoneProtection(MemberProperties properties) {
        this.pepper = properties.phonePepper();
        this.encryption = new AesGcm(properties.phoneEncryptionSecret(), "member-phone");
    }

    /** The HMAC-SHA256 of the number under the pepper: equal numbers give equal hashes, and nothing else leaks. */
    public String hash(PhoneNumber phone) {
        return Hashing.hmacHex(pepper, phone.e164());
    }

    String encrypt(PhoneNumber phone, String memberId) {
        return encryption.encrypt(phone.e164().getBytes(StandardCharsets.UTF_8), memberId);
    }
}
