package io.unimember.insight.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The topology's event time is when the event happened (the order's time, the issue time), not when it was
 * published or read: a rebuild from the topics then gives the same days, recencies and stages.
 */
public final class EventTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof InsightEvent event && event.at().toEpochMilli() > 0) {
            return event.at().toEpochMilli();
        }
        // unreadable: keep the partition's time, so the record neither moves time nor is dropped as invalid
        return Math.max(partitionTime, 0);
    }
}
