package io.unimember.settlement.periods;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bilateral netting, a pure function: the obligations between each pair of parties, both ways, become one net
 * amount from one to the other. Each pair adds as much to one party as it takes from the other, so the parties'
 * nets always sum to zero. The result does not depend on the order of the obligations.
 */
public final class Netting {

    private Netting() {}

    public static Result net(Collection<Obligation> obligations) {
        Map<String, Map<String, Long>> byPair = new TreeMap<>();
        for (Obligation o : obligations) {
            boolean inOrder = o.debtor().compareTo(o.creditor()) < 0;
            String first = inOrder ? o.debtor() : o.creditor();
            String second = inOrder ? o.creditor() : o.debtor();
            long firstOwesSecond = inOrder ? o.amountFen() : Math.negateExact(o.amountFen());
            byPair.computeIfAbsent(first, k -> new TreeMap<>()).merge(second, firstOwesSecond, Math::addExact);
        }
        List<NetPosition> positions = new ArrayList<>();
        Map<String, Long> partyNets = new TreeMap<>();
        byPair.forEach((first, seconds) -> seconds.forEach((second, owed) -> {
            NetPosition position = owed >= 0
                    ? new NetPosition(first, second, owed)
                    : new NetPosition(second, first, Math.negateExact(owed));
            positions.add(position);
            partyNets.merge(position.toBu(), position.netFen(), Math::addExact);
            partyNets.merge(position.fromBu(), Math.negateExact(position.netFen()), Math::addExact);
        }));
        positions.sort(Comparator.comparing(NetPosition::fromBu).thenComparing(NetPosition::toBu));
        return new Result(
                List.copyOf(positions),
                partyNets.entrySet().stream()
                        .map(e -> new PartyNet(e.getKey(), e.getValue()))
                        .toList());
    }

    /** Net positions per pair (by fromBu, then toBu) and each party's net over all its counterparties (by party). */
    public record Result(List<NetPosition> positions, List<PartyNet> partyNets) {}
}
