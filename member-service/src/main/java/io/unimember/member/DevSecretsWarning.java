package io.unimember.member;

import io.unimember.member.members.MemberProperties;
import io.unimember.member.operators.OperatorProperties;
import io.unimember.member.tokens.TokenProperties;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says loudly when a secret still has its dev-only default outside the demo profile. Beside the application, not in
 * a feature: it reads the secrets of three ({@code tokens}, {@code members}, {@code operators}).
 */
@Component
class DevSecretsWarning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DevSecretsWarning.class);

    private final Environment environment;
    private final Map<String, String> secrets;

    DevSecretsWarning(
            Environment environment, TokenProperties tokens, MemberProperties members, OperatorProperties operators) {
        this.environment = environment;
        this.secrets = Map.of(
                "unimember.tokens.key-encryption-secret", tokens.keyEncryptionSecret(),
                "unimember.members.phone-pepper", members.phonePepper(),
                "unimember.members.phone-encryption-secret", members.phoneEncryptionSecret(),
                "unimember.operators.totp-encryption-secret", operators.totpEncryptionSecret());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.matchesProfiles("demo")) {
            return;
        }
        secrets.forEach((name, value) -> {
            if (value.startsWith("dev-only")) {
                log.warn("{} has its dev-only default: set it (see application.yml) before real data arrives", name);
            }
        });
    }
}
