package io.unimember.common.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@code unimember.consumer.lag{group}}: how many records each consumer group of this service is behind, the largest
 * lag over its partitions, read from the Kafka consumers' own {@code records-lag-max}. One gauge per group, so an
 * alert and a dashboard panel need no knowledge of client ids or topics.
 */
public class ConsumerLag implements SmartLifecycle {

    private final KafkaListenerEndpointRegistry listeners;
    private final MeterRegistry meters;
    private final Set<String> registered = new HashSet<>();
    private volatile boolean running;

    public ConsumerLag(KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        this.listeners = listeners;
        this.meters = meters;
    }

    @Override
    public void start() {
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            if (group != null && registered.add(group)) {
                Gauge.builder("unimember.consumer.lag", this, lag -> lag.of(group))
                        .description("records the consumer group is behind, the largest over its partitions")
                        .tag("group", group)
                        .register(meters);
            }
        }
        running = true;
    }

    double of(String group) {
        double lag = 0;
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            if (!group.equals(container.getGroupId())) {
                continue;
            }
            for (Map<MetricName, ? extends Metric> client : container.metrics().values()) {
                for (var metric : client.entrySet()) {
                    MetricName name = metric.getKey();
                    if (name.name().equals("records-lag-max")
                            && name.group().equals("consumer-fetch-manager-metrics")
                            && !name.tags().containsKey("topic")
                            && metric.getValue().metricValue() instanceof Double value
                            && !value.isNaN()) {
                        lag = Math.max(lag, value);
                    }
                }
            }
        }
        return lag;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the listener containers have started. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
