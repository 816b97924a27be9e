package io.unimember.member.demo;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Scopes;
import io.unimember.member.clients.ClientKind;
import io.unimember.member.clients.Clients;
import io.unimember.member.clients.RegisteredClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo clients (demo profile only, idempotent): {@code bu-<code>} per business unit with every BU scope,
 * {@code merchant-demo} (an ENTERTAINMENT merchant) and {@code admin}, each with the secret {@code demo-secret}.
 */
@Component
@Profile("demo")
class DemoClients implements ApplicationRunner {

    static final String SECRET = "demo-secret";
    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final Clients clients;
    private final BusinessUnits businessUnits;

    DemoClients(Clients clients, BusinessUnits businessUnits) {
        this.clients = clients;
        this.businessUnits = businessUnits;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegisteredClient> demo = new ArrayList<>();
        for (String bu : businessUnits.codes().stream().sorted().toList()) {
            demo.add(new RegisteredClient(
                    "bu-" + bu.toLowerCase(Locale.ROOT),
                    ClientKind.BU,
                    bu,
                    null,
                    List.of(
                            Scopes.BU_ORDERS,
                            Scopes.BU_MEMBERS,
                            Scopes.BU_REDEEM,
                            Scopes.BU_CAMPAIGNS,
                            Scopes.BU_WEBHOOKS)));
        }
        demo.add(new RegisteredClient(
                "merchant-demo",
                ClientKind.MERCHANT,
                "ENTERTAINMENT",
                "merchant-demo",
                List.of(Scopes.MERCHANT_MEMBERS, Scopes.MERCHANT_VERIFY)));
        demo.add(new RegisteredClient("admin", ClientKind.ADMIN, null, null, List.of(Scopes.ADMIN)));
        long made = demo.stream().filter(c -> clients.ensure(c, SECRET)).count();
        log.info(
                "demo clients ready ({} new): {} with secret {}",
                made,
                demo.stream().map(RegisteredClient::clientId).toList(),
                SECRET);
    }
}
