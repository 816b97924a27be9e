package io.unimember.member.consents;

import io.unimember.common.web.ApiException;
import io.unimember.member.clients.Clients;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants, revokes and checks a member's consent for a merchant to read their data. */
@Service
public class Consents {

    private final ConsentRepository repository;
    private final Clients clients;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Consents(ConsentRepository repository, Clients clients, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clients = clients;
        this.clock = clock;
        this.events = events;
    }

    /** Grants consent to a registered merchant; granting again is harmless. Returns when it was first granted. */
    @Transactional
    Instant grant(String memberId, String merchantId) {
        if (!clients.merchantExists(merchantId)) {
            throw ApiException.notFound("MERCHANT_NOT_FOUND", "no merchant " + merchantId + " is registered");
        }
        repository.grant(memberId, merchantId, clock.instant());
        events.publishEvent(new ConsentsChanged(memberId, repository.merchantsOf(memberId)));
        return repository.grantedAt(memberId, merchantId).orElseThrow();
    }

    @Transactional
    boolean revoke(String memberId, String merchantId) {
        boolean revoked = repository.revoke(memberId, merchantId);
        if (revoked) {
            events.publishEvent(new ConsentsChanged(memberId, repository.merchantsOf(memberId)));
        }
        return revoked;
    }

    /** A merchant the member lets read their data, since when. */
    public record Consent(String merchantId, Instant grantedAt) {}

    /** Every consent the member has given. */
    public List<Consent> of(String memberId) {
        return repository.of(memberId);
    }

    /** Withdraws every consent (an account deletion); the entitlement view hears of it as of any revocation. */
    @Transactional
    public void revokeAll(String memberId) {
        if (repository.revokeAll(memberId) > 0) {
            events.publishEvent(new ConsentsChanged(memberId, List.of()));
        }
    }

    /** Throws {@code 403 CONSENT_REQUIRED} unless the member has granted this merchant access. */
    public void require(String memberId, String merchantId) {
        if (repository.grantedAt(memberId, merchantId).isEmpty()) {
            throw ApiException.forbidden(
                    "CONSENT_REQUIRED", "the member has not allowed this merchant to read their data");
        }
    }
}
