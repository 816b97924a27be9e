package io.unimember.member.tokens;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/keys/rotate}: an admin starts signing with a new key (admin scope by path rule). */
@RestController
class KeyRotationController {

    private final SigningKeys keys;

    KeyRotationController(SigningKeys keys) {
        this.keys = keys;
    }

    record Rotated(String kid, @Nullable String previousKid, @Nullable Instant previousRetiresAt) {}

    @PostMapping("/api/v1/admin/keys/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    Rotated rotate() {
        SigningKeys.Rotation rotation = keys.rotate();
        return new Rotated(rotation.kid(), rotation.previousKid(), rotation.previousRetiresAt());
    }
}
