package io.unimember.settlement.webhooks;

import io.unimember.settlement.periods.PartyNet;
import io.unimember.settlement.periods.PeriodClosed;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code settlement.period.closed} for each party of a closed period, written in the closing transaction. This
 * service makes the event itself, in the envelope of design §8 (no member: {@code memberId} is null); its id is
 * derived from period and party, so it is the same however often it is written.
 */
@Component
class PeriodClosedWebhooks {

    private final Fanout fanout;
    private final JsonMapper mapper;

    PeriodClosedWebhooks(Fanout fanout, JsonMapper mapper) {
        this.fanout = fanout;
        this.mapper = mapper;
    }

    @EventListener
    void on(PeriodClosed closed) {
        for (PartyNet party : closed.partyNets()) {
            String eventId = UUID.nameUUIDFromBytes(
                            (WebhookEvents.PERIOD_CLOSED + "/" + closed.period() + "/" + party.party())
                                    .getBytes(StandardCharsets.UTF_8))
                    .toString();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("period", closed.period());
            data.put("bu", party.party());
            data.put("netFen", party.netFen());
            data.put("closedAt", closed.closedAt().toString());
            data.put("statement", "/api/v1/settlement/periods/" + closed.period() + "/statements");
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("eventId", eventId);
            envelope.put("type", WebhookEvents.PERIOD_CLOSED);
            envelope.put("occurredAt", closed.closedAt().toString());
            envelope.put("memberId", null);
            envelope.put("source", "settlement-service");
            envelope.put("version", 1);
            envelope.put("data", data);
            fanout.enqueueOwn(
                    party.party(),
                    eventId,
                    WebhookEvents.PERIOD_CLOSED,
                    "period/" + party.party(),
                    mapper.writeValueAsString(envelope));
        }
    }
}
