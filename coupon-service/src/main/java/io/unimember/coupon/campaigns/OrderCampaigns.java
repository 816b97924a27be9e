package io.unimember.coupon.campaigns;

import io.unimember.common.events.OrderCompleted;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the active campaigns on a batch of completed orders, inside the inbox transaction of their events, and
 * set-based: the campaigns come from memory, the batch's orders not seen before and the members' order history are
 * read with one statement each, the triggers are matched in memory, and the rewards due are claimed, capped and
 * granted a campaign at a time ({@link CampaignActions}). A member's orders are evaluated in their order, each against
 * the history before it.
 */
@Service
public class OrderCampaigns {

    private final ActiveCampaigns active;
    private final MemberOrders orders;
    private final Audiences audiences;
    private final CampaignActions actions;
    private final CampaignClawback clawback;
    private final Clock clock;

    OrderCampaigns(
            ActiveCampaigns active,
            MemberOrders orders,
            Audiences audiences,
            CampaignActions actions,
            CampaignClawback clawback,
            Clock clock) {
        this.active = active;
        this.orders = orders;
        this.audiences = audiences;
        this.actions = actions;
        this.clawback = clawback;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onOrderCompleted(OrderCompleted order) {
        onOrdersCompleted(List.of(order));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onOrdersCompleted(List<OrderCompleted> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Campaign> campaigns = active.onOrders();
        List<OrderCompleted> fresh = orders.unseen(batch);
        if (fresh.isEmpty()) {
            return;
        }
        List<String> members = fresh.stream().map(OrderCompleted::memberId).toList();
        MemberOrders.History history = campaigns.stream().anyMatch(OrderTriggers::readsHistory)
                ? orders.historyOf(members)
                : new MemberOrders.History(new java.util.HashMap<>());
        orders.insertAll(fresh);
        if (campaigns.isEmpty()) {
            return;
        }
        Audiences.Known known = audiences.of(campaigns, members);
        Map<List<String>, CampaignRewards.Reward> due = new LinkedHashMap<>();
        for (OrderCompleted o : fresh) {
            for (Campaign c : campaigns) {
                if (!c.actsAt(o.occurredAt()) || !known.admits(c, o.memberId())) {
                    continue;
                }
                String occurrence = OrderTriggers.occurrence(c, o, history);
                if (occurrence != null) {
                    var reward = new CampaignRewards.Reward(
                            c.id(),
                            o.memberId(),
                            occurrence,
                            o.bu() + ":" + o.orderId(),
                            o.bu(),
                            o.orderId(),
                            CampaignRewards.PENDING,
                            null);
                    due.putIfAbsent(reward.key(), reward);
                }
            }
            history.record(o);
        }
        if (!due.isEmpty()) {
            Map<String, Campaign> byId = new LinkedHashMap<>();
            campaigns.forEach(c -> byId.put(c.id(), c));
            Instant now = Times.now(clock);
            actions.reward(byId, new ArrayList<>(due.values()), now);
            clawback.takeBackIfRefunded(due.values(), now);
        }
    }
}
