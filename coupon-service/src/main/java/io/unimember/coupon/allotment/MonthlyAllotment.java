package io.unimember.coupon.allotment;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.issuing.IssueOutcome;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * On the 1st (Asia/Shanghai) every member with a tier gets their tier's count of the tier template's coupon. Each
 * member is one transaction that first claims the (member, month) row, so a member is allotted at most once per
 * month however many instances run the job, and a crash mid-run is finished by running it again.
 */
@Service
class MonthlyAllotment {

    private static final Logger log = LoggerFactory.getLogger(MonthlyAllotment.class);

    /** What one run did. Members an earlier run (or another instance) already allotted are not counted. */
    record Run(String month, int membersAllotted, int couponsIssued, int membersRefused, int membersFailed) {}

    private final MemberTiers tiers;
    private final Allotments allotments;
    private final Templates templates;
    private final Issuer issuer;
    private final TransactionTemplate tx;
    private final Retry retry;
    private final AllotmentProperties properties;
    private final Clock clock;

    MonthlyAllotment(
            MemberTiers tiers,
            Allotments allotments,
            Templates templates,
            Issuer issuer,
            TransactionTemplate tx,
            RetryRegistry retries,
            AllotmentProperties properties,
            Clock clock) {
        this.tiers = tiers;
        this.allotments = allotments;
        this.templates = templates;
        this.issuer = issuer;
        this.tx = tx;
        this.retry = retries.retry("allotment");
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            cron = "${unimember.coupon.allotment.cron:0 5 0 1 * *}",
            zone = "${unimember.coupon.allotment.zone:Asia/Shanghai}")
    void onTheFirst() {
        Run run = run(currentMonth());
        log.info("monthly tier allotment {}", run);
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(properties.zone()));
    }

    Run run(YearMonth yearMonth) {
        // each member's allotment is its own transaction, retried whole when it loses a lock race
        Assert.state(
                !TransactionSynchronizationManager.isActualTransactionActive(),
                "the allotment starts a transaction per member and must not run inside one");
        String month = yearMonth.toString();
        Template template = templates
                .find(properties.templateId())
                .orElseThrow(() -> new IllegalStateException("no tier template " + properties.templateId()));
        int allotted = 0;
        int coupons = 0;
        int refused = 0;
        int failed = 0;
        String after = "";
        while (true) {
            var page = tiers.dueFor(month, after, properties.pageSize());
            if (page.isEmpty()) {
                break;
            }
            for (MemberTiers.Due due : page) {
                after = due.memberId();
                try {
                    Integer issued = retry.executeSupplier(() -> tx.execute(status -> allot(template, due, month)));
                    if (issued == null || issued < 0) {
                        continue;
                    }
                    allotted++;
                    coupons += issued;
                    refused += issued < due.monthlyCoupons() ? 1 : 0;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn(
                            "allotment {} for {} failed, a later run retries it: {}",
                            month,
                            due.memberId(),
                            e.toString());
                }
            }
        }
        return new Run(month, allotted, coupons, refused, failed);
    }

    /** Issues the member's coupons for the month; -1 if they were already allotted. */
    private int allot(Template template, MemberTiers.Due due, String month) {
        if (!allotments.claim(due.memberId(), month, due.tier(), Times.now(clock))) {
            return -1;
        }
        int issued = 0;
        String outcome = "ISSUED";
        for (int i = 1; i <= due.monthlyCoupons(); i++) {
            String source = "allotment:" + month + ":" + due.memberId() + ":" + i;
            if (issuer.issue(template, due.memberId(), Channel.ALLOTMENT, source)
                    instanceof IssueOutcome.Refused refusal) {
                outcome = refusal.reason().name();
                log.warn("allotment {} for {} stopped after {}: {}", month, due.memberId(), issued, outcome);
                break;
            }
            issued++;
        }
        allotments.record(due.memberId(), month, issued, outcome);
        return issued;
    }
}
