package io.unimember.member;

import io.unimember.testsupport.IntegrationTest;
import org.springframework.context.annotation.Import;

/**
 * The base of member-service's integration tests: the whole service against real MariaDB, Redis and Kafka, all
 * sharing one Spring context (same configuration), with {@link TestApi} to call it like a client would.
 */
@IntegrationTest
@Import(MemberTestBeans.class)
public abstract class MemberIntegrationTest {}
