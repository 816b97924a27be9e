package io.unimember.points.expiry;

import io.unimember.common.events.PointsExpired;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.points.ledger.Expired;
import io.unimember.points.ledger.Ledger;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Expires one member's due lots and records {@code points.expired}, in one transaction under the member's lock. */
@Component
class MemberExpiry {

    private final Ledger ledger;
    private final EventPublisher events;

    MemberExpiry(Ledger ledger, EventPublisher events) {
        this.ledger = ledger;
        this.events = events;
    }

    @Transactional
    Optional<Expired> expire(String memberId) {
        Optional<Expired> expired = ledger.lockExisting(memberId).flatMap(ledger::expire);
        expired.ifPresent(e ->
                events.publish(new PointsExpired(memberId, e.transferId(), e.points(), e.expiredAt(), e.balance())));
        return expired;
    }
}
