package io.unimember.member.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says loudly when a secret still has its dev-only default outside the demo profile. */
@Component
class DevSecretsWarning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DevSecretsWarning.class);
    private static final String[] SECRETS = {
        "unimember.tokens.key-encryption-secret",
        "unimember.members.phone-pepper",
        "unimember.members.phone-encryption-secret"
    };

    private final Environment environment;

    DevSecretsWarning(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.matchesProfiles("demo")) {
            return;
        }
        for (String name : SECRETS) {
            String value = environment.getProperty(name, "");
            if (value.startsWith("dev-only")) {
                log.warn("{} has its dev-only default: set it (see application.yml) before real data arrives", name);
            }
        }
    }
}
