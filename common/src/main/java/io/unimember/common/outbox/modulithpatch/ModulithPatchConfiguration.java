package io.unimember.common.outbox.modulithpatch;

import io.unimember.common.outbox.OutboxConfiguration;
import io.unimember.common.outbox.OutboxProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two places where Unimember changes what Spring Modulith's publication store does, both for throughput on the
 * write path (decisions 0013, 0018, 0021): {@link BatchedCompletions} (sent publications deleted in batches, never
 * marked processing) and {@link PublicationInserts} (a transaction's publications written with one statement). Both
 * wrap or mirror Modulith's {@code EventPublicationRepository}, an SPI Modulith 2.1 still calls once per event; they
 * go when Modulith's store takes publications and completions in batches itself (exit criterion, decision 0021).
 */
@AutoConfiguration(after = OutboxConfiguration.class)
public class ModulithPatchConfiguration {

    private static final String JDBC_STORE_V2 =
            "org.springframework.modulith.events.jdbc.JdbcEventPublicationRepositoryV2";

    /**
     * Wraps Modulith's publication store so that sent publications are deleted in batches and never marked
     * processing ({@link BatchedCompletions}). Only with {@code completion-mode: delete}, the mode we run; off with
     * {@code unimember.outbox.batched-completion.enabled=false}.
     */
    @Bean
    static BeanPostProcessor batchedOutboxCompletions(
            ObjectProvider<PlatformTransactionManager> transactions,
            ObjectProvider<JdbcOperations> jdbc,
            ObjectProvider<EventSerializer> serializers,
            ObjectProvider<OutboxProperties> properties,
            Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof EventPublicationRepository repository)
                        || bean instanceof BatchedCompletions
                        || CompletionMode.from(environment) != CompletionMode.DELETE) {
                    return bean;
                }
                OutboxProperties outbox = properties.getObject();
                if (!outbox.batchedCompletion().enabled()) {
                    return bean;
                }
                return new BatchedCompletions(
                        repository,
                        publicationInserts(repository, jdbc, serializers, outbox.groupedInserts()),
                        new TransactionTemplate(transactions.getObject()),
                        outbox.batchedCompletion().maxBatch(),
                        outbox.batchedCompletion().capacity());
            }
        };
    }

    /**
     * A transaction's publications in one insert ({@link PublicationInserts}), for the JDBC store of Modulith's
     * schema v2, whose rows it writes; off with {@code unimember.outbox.grouped-inserts.enabled=false}.
     */
    private static @Nullable PublicationInserts publicationInserts(
            EventPublicationRepository repository,
            ObjectProvider<JdbcOperations> jdbc,
            ObjectProvider<EventSerializer> serializers,
            OutboxProperties.GroupedInserts groupedInserts) {
        // Modulith's store is behind a transactional proxy
        Class<?> store = AopProxyUtils.ultimateTargetClass(repository);
        var log = LoggerFactory.getLogger(ModulithPatchConfiguration.class);
        if (!store.getName().equals(JDBC_STORE_V2)) {
            log.info("outbox: publications are inserted one by one (the store is {})", store.getName());
            return null;
        }
        if (!groupedInserts.enabled()) {
            log.info("outbox: publications are inserted one by one (unimember.outbox.grouped-inserts.enabled=false)");
            return null;
        }
        log.info("outbox: a transaction's publications are inserted with one statement before it commits");
        return new PublicationInserts(jdbc.getObject(), serializers.getObject());
    }
}
