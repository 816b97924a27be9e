package io.unimember.coupon.campaigns;

import io.unimember.common.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link SegmentMembers} from insight-service's compacted topic: key {@code segmentId:memberId}, a value while
 * the member is in, a tombstone when they leave. Records are not event envelopes and carry the whole state of their
 * key, so they are applied as they come, in partition order, a batch per transaction; a record whose key is not
 * {@code segment:member} is logged and skipped (there is nothing a retry could make of it).
 */
@Component
class SegmentMembersListener {

    private static final Logger log = LoggerFactory.getLogger(SegmentMembersListener.class);

    private final SegmentMembers segments;
    private final JsonMapper mapper;
    private final TransactionTemplate tx;

    SegmentMembersListener(SegmentMembers segments, JsonMapper mapper, TransactionTemplate tx) {
        this.segments = segments;
        this.mapper = mapper;
        this.tx = tx;
    }

    @KafkaListener(id = "coupon-segments", idIsGroup = false, topics = Topics.SEGMENT_MEMBERS, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        tx.executeWithoutResult(s -> records.forEach(this::apply));
    }

    private void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1 || key.length() > 129) {
            log.warn("segment membership with an unusable key {} at offset {}", key, record.offset());
            return;
        }
        String segmentId = key.substring(0, colon);
        String memberId = key.substring(colon + 1);
        if (segmentId.length() > 64 || memberId.length() > 64) {
            log.warn("segment membership key too long at offset {}", record.offset());
            return;
        }
        if (record.value() == null) {
            segments.leave(segmentId, memberId);
            return;
        }
        String since = "";
        try {
            JsonNode value = mapper.readTree(record.value());
            since = value.path("since").asString("");
        } catch (JacksonException e) {
            log.warn("segment membership {} with an unreadable value; joined without its time", key);
        }
        segments.join(segmentId, memberId, since.length() > 40 ? since.substring(0, 40) : since);
    }
}
