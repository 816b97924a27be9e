package io.unimember.coupon.campaigns;

import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.common.security.Claims;
import io.unimember.common.security.Scopes;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes campaigns: created DRAFT, edited while DRAFT or PAUSED, moved along DRAFT → ACTIVE ⇄ PAUSED → ENDED. Each
 * change locks the row, writes the next version and its audit entry in one transaction, then drops the in-memory
 * copy of the active campaigns. A BU with {@code bu:campaigns} writes only campaigns it funds; others are not found.
 */
@Service
class CampaignAdmin {

    private static final String NOT_FOUND = "CAMPAIGN_NOT_FOUND";

    private final CampaignStore store;
    private final CampaignRules rules;
    private final ActiveCampaigns active;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** The platform's one audit log, beside the campaign's own history ({@code /campaigns/{id}/audit}). */
    private final AdminAudit audit;

    CampaignAdmin(
            CampaignStore store,
            CampaignRules rules,
            ActiveCampaigns active,
            TransactionTemplate tx,
            Clock clock,
            AdminAudit audit) {
        this.audit = audit;
        this.store = store;
        this.rules = rules;
        this.active = active;
        this.tx = tx;
        this.clock = clock;
    }

    Campaign create(Caller caller, CampaignRequest r) {
        requireMayFund(caller, r.fundingBu());
        rules.check(r, Times.now(clock));
        Instant now = Times.now(clock);
        Campaign campaign =
                fromRequest(UUID.randomUUID().toString(), r, CampaignStatus.DRAFT, 1, caller.subject(), now, now);
        tx.executeWithoutResult(s -> {
            store.insert(campaign, caller.subject());
            audit.record(caller, "CAMPAIGN_CREATED", "campaign:" + campaign.id(), null, CampaignView.of(campaign));
        });
        return campaign;
    }

    Campaign find(Caller caller, String id) {
        return store.find(id).filter(c -> mayRead(caller, c)).orElseThrow(CampaignAdmin::notFound);
    }

    Campaign update(Caller caller, String id, CampaignRequest r) {
        requireMayFund(caller, r.fundingBu());
        rules.check(r, Times.now(clock));
        return change(caller, id, "UPDATED", before -> {
            if (!before.status().editable()) {
                throw ApiException.conflict(
                        "CAMPAIGN_NOT_EDITABLE",
                        "a " + before.status() + " campaign cannot be changed; pause it first");
            }
            return fromRequest(
                    before.id(),
                    r,
                    before.status(),
                    before.version() + 1,
                    before.createdBy(),
                    before.createdAt(),
                    Times.now(clock));
        });
    }

    Campaign move(Caller caller, String id, CampaignStatus next) {
        return change(caller, id, next.name(), before -> {
            if (!before.status().next().contains(next)) {
                throw ApiException.conflict(
                        "CAMPAIGN_TRANSITION_NOT_ALLOWED", "a " + before.status() + " campaign cannot become " + next);
            }
            Instant now = Times.now(clock);
            if (next == CampaignStatus.ACTIVE && !before.endsAt().isAfter(now)) {
                throw ApiException.conflict("CAMPAIGN_OVER", "the campaign's schedule has ended");
            }
            return before.with(next, now);
        });
    }

    private Campaign change(Caller caller, String id, String kind, java.util.function.UnaryOperator<Campaign> how) {
        Campaign after = tx.execute(s -> {
            Campaign before = store.lock(id).filter(c -> mayRead(caller, c)).orElseThrow(CampaignAdmin::notFound);
            Campaign next = how.apply(before);
            store.update(before, next, kind, caller.subject());
            audit.record(caller, "CAMPAIGN_" + kind, "campaign:" + id, CampaignView.of(before), CampaignView.of(next));
            return next;
        });
        active.invalidate();
        return after;
    }

    private static Campaign fromRequest(
            String id,
            CampaignRequest r,
            CampaignStatus status,
            long version,
            String createdBy,
            Instant createdAt,
            Instant now) {
        return new Campaign(
                id,
                r.name(),
                r.fundingBu(),
                status,
                r.trigger(),
                r.actions(),
                r.audience(),
                r.split(),
                r.startsAt(),
                r.endsAt(),
                r.perMemberCap(),
                version,
                createdBy,
                createdAt,
                now);
    }

    static boolean mayRead(Caller caller, Campaign c) {
        return caller.isAdmin() || c.fundingBu().equals(caller.claim(Claims.BU));
    }

    static void requireMayFund(Caller caller, String fundingBu) {
        if (caller.isAdmin()) {
            AdminAccess.require(caller, Role.OPERATOR);
            return;
        }
        if (!caller.hasScope(Scopes.BU_CAMPAIGNS) || !fundingBu.equals(caller.claim(Claims.BU))) {
            throw ApiException.forbidden(
                    "FUNDING_BU_NOT_OWNED", "a business unit may only run campaigns it funds itself");
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound(NOT_FOUND, "no such campaign");
    }
}
