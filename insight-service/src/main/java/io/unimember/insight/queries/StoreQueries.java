package io.unimember.insight.queries;

import io.unimember.common.config.KafkaEventProperties;
import io.unimember.common.web.ApiException;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The stores of this instance's Kafka Streams, and for a key which instance holds it. A store that cannot be read
 * now (the instance is starting or rebalancing) is a 503 the client may retry, never a 500.
 */
@Component
public class StoreQueries {

    private static final Serializer<String> KEYS = new StringSerializer();

    private final StreamsBuilderFactoryBean factory;
    private final KafkaEventProperties kafka;

    StoreQueries(StreamsBuilderFactoryBean factory, KafkaEventProperties kafka) {
        this.factory = factory;
        this.kafka = kafka;
    }

    /** Where the key of the store lives. */
    public Where where(String store, String key) {
        KafkaStreams streams = streams();
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new Where.Nowhere("the topology is " + streams.state());
        }
        return Where.decide(
                streams.queryMetadataForKey(store, key, KEYS), self(), partitionOf(key, kafka.partitions()));
    }

    /** The partition the producers' default partitioner puts a key in (murmur2 of its bytes). */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(KEYS.serialize(null, key))) % partitions;
    }

    /** This instance's part of the store (the partitions it holds as active). */
    public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
        try {
            return streams()
                    .store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable(String.valueOf(e.getMessage()));
        }
    }

    public HostInfo self() {
        Object server = factory.getStreamsConfiguration() == null
                ? null
                : factory.getStreamsConfiguration().get("application.server");
        return server == null ? HostInfo.unavailable() : HostInfo.buildFromEndpoint(server.toString());
    }

    public static ApiException unavailable(String reason) {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE, "INSIGHT_UNAVAILABLE", "insight is not ready: " + reason, Map.of());
    }

    private KafkaStreams streams() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null) {
            throw unavailable("the topology has not started");
        }
        return streams;
    }
}
