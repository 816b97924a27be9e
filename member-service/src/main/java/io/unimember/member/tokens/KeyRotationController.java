package io.unimember.member.tokens;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.member.admin.AuditLog;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/keys/rotate}: an operator starts signing with a new key. Audited. */
@RestController
class KeyRotationController {

    private final SigningKeys keys;
    private final AuditLog audit;

    KeyRotationController(SigningKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    record Rotated(String kid, @Nullable String previousKid, @Nullable Instant previousRetiresAt) {}

    /**
     * Starts signing tokens with a new key. Operators only (role OPERATOR). The previous key stops signing now and
     * stays in the JWK set until the tokens it signed have expired; the answer names both keys and when the previous
     * one retires. Audited.
     */
    @PostMapping("/api/v1/admin/keys/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    Rotated rotate(Caller caller) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        SigningKeys.Rotation rotation = keys.rotate();
        var rotated = new Rotated(rotation.kid(), rotation.previousKid(), rotation.previousRetiresAt());
        audit.record(actor, "SIGNING_KEY_ROTATED", rotation.kid(), null, rotated);
        return rotated;
    }
}
