package io.unimember.points.orders;

import io.unimember.common.events.BuOrderReported;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.common.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders BUs inside the group produce to {@code bu.orders.v1}: the same payload and the same idempotency as the REST
 * intake, so an order sent both ways, or delivered twice, counts once. An order that can never be accepted (invalid,
 * unknown BU, an order id reused with other content) goes to the dead-letter topic with the reason.
 */
@Component
class BuOrderListener {

    private final EventCodec codec;
    private final JsonMapper mapper;
    private final Validator validator;
    private final OrderIntake intake;

    BuOrderListener(EventCodec codec, JsonMapper mapper, Validator validator, OrderIntake intake) {
        this.codec = codec;
        this.mapper = mapper;
        this.validator = validator;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.BU_ORDERS)
    void on(String json) {
        EventEnvelope envelope = codec.parse(json);
        if (!envelope.is(BuOrderReported.class)) {
            return;
        }
        BuOrderReported reported = read(envelope);
        OrderRequest request = new OrderRequest(
                reported.orderId(),
                reported.memberId(),
                reported.amountFen(),
                reported.occurredAt(),
                reported.category());
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid order: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.joining(", ")));
        }
        try {
            intake.order(reported.bu(), request);
        } catch (ApiException e) {
            if (e.status().is4xxClientError()) {
                throw new MalformedEventException(e.code() + ": " + e.getMessage());
            }
            throw e;
        }
    }

    private BuOrderReported read(EventEnvelope envelope) {
        try {
            BuOrderReported reported = envelope.dataAs(BuOrderReported.class, mapper);
            if (reported.bu() == null || reported.bu().isBlank()) {
                throw new MalformedEventException("bu.order.reported needs a bu");
            }
            return reported;
        } catch (JacksonException e) {
            throw new MalformedEventException("bu.order.reported payload unreadable: " + e.getOriginalMessage());
        }
    }
}
