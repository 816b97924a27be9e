package io.unimember.common.transactions;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Transactions take a pooled connection only when they run their first statement ({@link
 * LazyConnectionDataSourceProxy} around the application's data source). Spring Modulith runs every event's
 * externalization in a transaction of its own that touches no table (the outbox's writes are batched elsewhere):
 * with a connection taken eagerly, each such transaction cost a checkout and three round trips to MariaDB
 * ({@code SET autocommit=0}, {@code COMMIT}, {@code SET autocommit=1}), several per event. Off with
 * {@code unimember.jdbc.lazy-connections=false}.
 */
@AutoConfiguration
@ConditionalOnClass(LazyConnectionDataSourceProxy.class)
@ConditionalOnProperty(name = "unimember.jdbc.lazy-connections", matchIfMissing = true)
public class LazyConnectionsConfiguration {

    @Bean
    static BeanPostProcessor lazyConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)) {
                    return new LazyConnectionDataSourceProxy(dataSource);
                }
                return bean;
            }
        };
    }
}
