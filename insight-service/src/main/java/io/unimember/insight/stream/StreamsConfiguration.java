package io.unimember.insight.stream;

import io.unimember.common.config.KafkaEventProperties;
import io.unimember.insight.InsightProperties;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.tags.TagCatalog;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topology on Spring Kafka's {@code StreamsBuilderFactoryBean} (Boot configures it from
 * {@code spring.kafka.streams}): started with the context, closed with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    @Bean
    TagCatalog tagCatalog() {
        return new TagCatalog();
    }

    @Bean
    SegmentCatalog segmentCatalog() {
        return new SegmentCatalog();
    }

    @Bean
    RfmRegistry rfmRegistry() {
        return new RfmRegistry();
    }

    @Bean
    InsightTopologyBuilt insightTopology(
            StreamsBuilder builder,
            InsightProperties properties,
            TagCatalog tags,
            SegmentCatalog segments,
            RfmRegistry registry) {
        InsightTopology.build(builder, properties, tags, segments, registry);
        return new InsightTopologyBuilt();
    }

    /** The compacted topic of segment memberships, as many partitions as the event topics. */
    @Bean
    NewTopic segmentMembersTopic(KafkaEventProperties kafka) {
        return TopicBuilder.name(SegmentCatalog.TOPIC)
                .partitions(kafka.partitions())
                .compact()
                .build();
    }

    /** A dead stream thread is replaced rather than leaving the instance without one. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceDeadThreads() {
        return factory ->
                factory.setStreamsUncaughtExceptionHandler(exception -> org.apache.kafka.streams.errors
                        .StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    /** Marks that the topology was added to the builder before the factory bean built it. */
    record InsightTopologyBuilt() {}
}
