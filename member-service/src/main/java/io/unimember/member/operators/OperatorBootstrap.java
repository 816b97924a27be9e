package io.unimember.member.operators;

import io.unimember.common.admin.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes the first operator from {@code unimember.operators.bootstrap} when there is none yet, so a new deployment
 * can be operated without a shared client secret. The demo profile sets it (README).
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Operators operators;
    private final OperatorRepository repository;
    private final OperatorProperties properties;

    OperatorBootstrap(Operators operators, OperatorRepository repository, OperatorProperties properties) {
        this.operators = operators;
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        OperatorProperties.Bootstrap first = properties.bootstrap();
        if (first == null || repository.any()) {
            return;
        }
        try {
            operators.create(first.username(), Role.OPERATOR, null, first.password(), first.totpSecret());
            log.info("made the first operator {} (unimember.operators.bootstrap)", first.username());
        } catch (DuplicateKeyException raced) {
            log.info("another instance made the first operator");
        }
    }
}
