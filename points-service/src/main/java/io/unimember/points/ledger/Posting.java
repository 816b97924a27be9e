package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;
import io.unimember.points.PointsProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The last step of every ledger operation: write the transfers, change the balance row, describe the result. */
@Component
class Posting {

    private final TransferRepository transfers;
    private final BalanceRepository balances;
    private final PointsProperties properties;

    Posting(TransferRepository transfers, BalanceRepository balances, PointsProperties properties) {
        this.transfers = transfers;
        this.balances = balances;
        this.properties = properties;
    }

    PointsBalance post(
            MemberAccount before, List<Transfer> posted, BalanceChange change, OpenLots lotsAfter, Instant now) {
        transfers.insert(posted, now);
        return snapshot(balances.apply(before, change, now), lotsAfter);
    }

    PointsBalance snapshot(MemberAccount account, OpenLots lots) {
        return new PointsBalance(
                account.available(),
                account.frozen(),
                account.lifetimeEarned(),
                account.version(),
                lots.expiring(properties.expiringShown()));
    }
}
