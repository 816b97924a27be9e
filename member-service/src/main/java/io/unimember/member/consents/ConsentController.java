package io.unimember.member.consents;

import io.unimember.common.security.Caller;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT}/{@code DELETE /api/v1/members/me/consents/{merchantId}}: a member grants or revokes a merchant. */
@RestController
class ConsentController {

    static final String MERCHANT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    record Consent(String merchantId, Instant grantedAt) {}

    record ConsentList(List<Consents.Consent> items) {}

    /** Every merchant the member lets read their data: what they may withdraw with the DELETE below. */
    @GetMapping("/api/v1/members/me/consents")
    ConsentList list(Caller caller) {
        return new ConsentList(consents.of(caller.memberId()));
    }

    /**
     * Lets a merchant read the calling member's data. The merchant must be registered (else 404 MERCHANT_NOT_FOUND).
     * Granting again changes nothing and answers when it was first granted; DELETE on the same path withdraws it.
     */
    @PutMapping("/api/v1/members/me/consents/{merchantId}")
    Consent grant(Caller caller, @PathVariable @Pattern(regexp = MERCHANT_ID) String merchantId) {
        return new Consent(merchantId, consents.grant(caller.memberId(), merchantId));
    }

    /** Revoking what was never granted is not an error: afterwards there is no consent either way. */
    @DeleteMapping("/api/v1/members/me/consents/{merchantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable @Pattern(regexp = MERCHANT_ID) String merchantId) {
        consents.revoke(caller.memberId(), merchantId);
    }
}
