package io.unimember.coupon.templates;

import io.unimember.coupon.support.Times;
import io.unimember.coupon.terms.Terms;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the {@code demo} profile only: a claimable flash-sale template with a fixed id, so the README's curl lines can
 * claim a 神券 without creating a template first. Outside the demo there is no such template.
 */
@Component
@Profile("demo")
class DemoTemplates implements ApplicationRunner {

    static final String FLASH_SALE = "tpl-demo-flash-20";

    private static final Logger log = LoggerFactory.getLogger(DemoTemplates.class);

    private final Templates templates;
    private final TemplateProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoTemplates(Templates templates, TemplateProperties properties, TransactionTemplate tx, Clock clock) {
        this.templates = templates;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (templates.find(FLASH_SALE).isPresent()) {
            return;
        }
        var terms = Terms.fixed(2000, 10_000, List.of(Terms.ALL_SCENES));
        var template = new Template(
                FLASH_SALE,
                "20元闪购神券",
                terms,
                "PLATFORM",
                7,
                null,
                null,
                100_000,
                1,
                200_000_000,
                0,
                0,
                true,
                0,
                "demo",
                Times.now(clock),
                null);
        try {
            tx.executeWithoutResult(status -> templates.insert(
                    template,
                    StockShards.split(
                            template.totalQuantity(),
                            template.budgetFen(),
                            terms.faceValueFen(),
                            properties.stockShards())));
            log.info("demo: seeded the claimable template {}", FLASH_SALE);
        } catch (DuplicateKeyException seededByAnotherInstance) {
            // another instance got there first
        }
    }
}
