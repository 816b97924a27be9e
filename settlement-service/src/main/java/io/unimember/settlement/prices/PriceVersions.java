package io.unimember.settlement.prices;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import io.unimember.settlement.parties.Parties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds price versions. A version is immutable: sending it again with the same rate changes nothing (so a retried
 * PUT is safe), a different rate for the same key is a conflict. A new version may not take effect in the past,
 * because postings already made under the old price would then disagree with the ones still to come.
 */
@Component
class PriceVersions {

    private final PriceRepository prices;
    private final Parties parties;
    private final Clock clock;

    private final AdminAudit audit;

    PriceVersions(PriceRepository prices, Parties parties, Clock clock, AdminAudit audit) {
        this.audit = audit;
        this.prices = prices;
        this.parties = parties;
        this.clock = clock;
    }

    @Transactional
    public List<PriceView> add(List<PriceEntry> entries, Actor actor) {
        String by = actor.id();
        Instant now = clock.instant();
        List<PriceEntry> normalized =
                entries.stream().map(PriceVersions::toMicros).toList();
        validate(normalized, now);
        List<PriceView> stored = new ArrayList<>();
        for (PriceEntry entry : normalized) {
            if (prices.version(entry.benefitType(), entry.fromBu(), entry.toBu(), entry.effectiveFrom())
                    .isEmpty()) {
                prices.insertIfAbsent(entry, now, by);
            }
            PriceView version = prices.version(entry.benefitType(), entry.fromBu(), entry.toBu(), entry.effectiveFrom())
                    .orElseThrow();
            if (version.rateBp() != entry.rateBp()) {
                throw ApiException.conflict(
                        "PRICE_VERSION_CONFLICT",
                        "a price version for " + entry.benefitType() + " " + entry.fromBu() + "->" + entry.toBu()
                                + " from " + entry.effectiveFrom() + " exists with rate " + version.rateBp()
                                + "bp; versions never change, add one with a later effectiveFrom");
            }
            stored.add(version);
        }
        audit.record(actor, "SETTLEMENT_PRICES_ADDED", "prices", null, stored);
        return stored;
    }

    private void validate(List<PriceEntry> entries, Instant now) {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < entries.size(); i++) {
            PriceEntry entry = entries.get(i);
            String at = "prices[" + i + "].";
            if (!parties.isKnown(entry.fromBu())) {
                errors.reject(at + "fromBu", "is not a settlement party");
            }
            if (!parties.isKnown(entry.toBu())) {
                errors.reject(at + "toBu", "is not a settlement party");
            }
            if (entry.fromBu().equals(entry.toBu())) {
                errors.reject(at + "toBu", "must differ from fromBu: a party settles nothing with itself");
            }
            boolean replay = prices.version(entry.benefitType(), entry.fromBu(), entry.toBu(), entry.effectiveFrom())
                    .isPresent();
            if (!replay && entry.effectiveFrom().isBefore(now)) {
                errors.reject(at + "effectiveFrom", "must not be in the past: prices are never retroactive");
            }
        }
        errors.throwIfAny();
    }

    private static PriceEntry toMicros(PriceEntry e) {
        return new PriceEntry(
                e.benefitType(),
                e.fromBu(),
                e.toBu(),
                e.rateBp(),
                e.effectiveFrom().truncatedTo(ChronoUnit.MICROS));
    }
}
