package io.unimember.common.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Sends the outbox's events to Kafka: Spring Modulith's externalizer ({@link EventExternalizerModuleListener}) over a
 * Kafka transport of ours, which sends as Modulith's own Kafka module does (the payload, its headers, the routing's
 * topic and key) with one difference: a send's outcome is handed to a small pool of threads before Modulith records
 * it.
 *
 * <p>Modulith marks a publication completed (or failed) in a callback on the send's future, and Kafka completes that
 * future on the producer's one network thread. Marking is a database transaction, so under load that thread waited
 * for pooled connections instead of talking to the broker: produce requests timed out, batches expired after the
 * delivery timeout, their events became failed publications, and resending them made it worse (seeding 10,000
 * members left 10,900 events behind). Here the network thread only sends; {@code outbox-completion} threads, no more
 * than {@code unimember.outbox.completion-threads}, do the database work. The project does not depend on
 * {@code spring-modulith-events-kafka}, so this is the only externalizer.
 */
@AutoConfiguration(after = OutboxConfiguration.class)
@ConditionalOnClass({KafkaOperations.class, EventExternalizerModuleListener.class})
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", matchIfMissing = true)
public class KafkaExternalizerConfiguration {

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor outboxCompletions(OutboxProperties outbox) {
        int threads = outbox.completionThreads();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("outbox-completion-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    @Bean
    EventExternalizerModuleListener unimemberKafkaExternalizer(
            EventExternalizationConfiguration configuration,
            KafkaOperations<Object, Object> kafka,
            BeanFactory beans,
            ThreadPoolTaskExecutor outboxCompletions) {
        StandardEvaluationContext context = new StandardEvaluationContext();
        context.setBeanResolver(new BeanFactoryResolver(beans));
        EventExternalizationTransport transport = (payload, target) ->
                offTheNetworkThread(kafka.send(message(configuration, context, target, payload)), outboxCompletions);
        return new EventExternalizerModuleListener(configuration, transport);
    }
    /** The message Modulith's externalizer would build: the payload, its headers, the routing's topic and key. */
    static Message<?> message(
            EventExternalizationConfiguration configuration,
            StandardEvaluationContext context,
            RoutingTarget target,
            Object payload) {
        BrokerRouting routing = BrokerRouting.of(target, context);
        MessageBuilder<?> builder = payload instanceof Message<?> message
                ? MessageBuilder.fromMessage(message)
                : MessageBuilder.withPayload(payload);
        return builder.copyHeaders(configuration.getHeadersFor(payload))
                .setHeaderIfAbsent(KafkaHeaders.KEY, routing.getKey(payload))
                .setHeaderIfAbsent(KafkaHeaders.TOPIC, routing.getTarget(payload))
                .build();
    }

    /**
     * The same outcome, completed on {@code executor}: whatever is chained to the returned future (Modulith's
     * completion marking) runs there, for a failed send too ({@code whenCompleteAsync} hands both outcomes over).
     */
    static <T> CompletableFuture<T> offTheNetworkThread(CompletableFuture<T> sent, Executor executor) {
        return sent.whenCompleteAsync((result, failure) -> {}, executor);
    }
}
