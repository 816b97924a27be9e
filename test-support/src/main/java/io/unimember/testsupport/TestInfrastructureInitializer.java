package io.unimember.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at {@link TestInfrastructure}: ahead of every property source but a test's own inline
 * properties ({@code @SpringBootTest(properties = ...)}), which may override one of these for that test's context.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource infrastructure =
                new MapPropertySource("unimember-test-infrastructure", TestInfrastructure.springProperties());
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
        } else {
            sources.addFirst(infrastructure);
        }
    }
}
