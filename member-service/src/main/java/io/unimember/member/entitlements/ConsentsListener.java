package io.unimember.member.entitlements;

import io.unimember.member.consents.ConsentsChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Consents into the view, in the transaction that grants or revokes them: the view's row lock orders them with the
 * events, and the cache's pending mark reaches Redis before the change commits, so the gateway never lets a merchant
 * read a member past a revocation (decision 0024).
 */
@Component
class ConsentsListener {

    private final ViewUpdates updates;

    ConsentsListener(ViewUpdates updates) {
        this.updates = updates;
    }

    @EventListener
    void on(ConsentsChanged changed) {
        updates.applyAll(List.of(new ViewUpdates.Change(
                changed.memberId(), () -> updates.consentsChanged(changed.memberId(), changed.merchantIds()))));
    }
}
