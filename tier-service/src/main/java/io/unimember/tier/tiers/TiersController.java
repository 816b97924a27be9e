package io.unimember.tier.tiers;

import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tier table for anyone with a token, and its changes for admins ({@code /api/v1/admin/**} needs scope admin). */
@RestController
@Validated
class TiersController {

    // one record per page kind, not a generic Page<T>: the contract's nullable marking reads plain record types
    record TierPage(List<TierView> items, @Nullable String nextCursor) {}

    record AuditPage(List<AuditView> items, @Nullable String nextCursor) {}

    record AuditView(
            long id,
            String tierCode,
            long revision,
            String changedBy,
            java.time.Instant changedAt,
            JsonNode before,
            JsonNode after) {}

    private final TierRules rules;
    private final TierRuleChanges changes;
    private final TierRuleAudit audit;
    private final JsonMapper mapper;

    TiersController(TierRules rules, TierRuleChanges changes, TierRuleAudit audit, JsonMapper mapper) {
        this.rules = rules;
        this.changes = changes;
        this.audit = audit;
        this.mapper = mapper;
    }

    /**
     * The tiers, lowest first, with the growth each needs and what it gives.
     */
    @GetMapping("/api/v1/tiers")
    TierPage tiers() {
        return new TierPage(rules.current().tiers().stream().map(TierView::of).toList(), null);
    }

    /**
     * Changes a tier's rules; the change is audited and reaches every member.
     */
    @PutMapping("/api/v1/admin/tiers/{code}")
    TierView change(Caller caller, @PathVariable String code, @Valid @RequestBody TierUpdate update) {
        return TierView.of(changes.change(code, update, AdminAccess.require(caller, Role.OPERATOR)));
    }

    /**
     * Who changed which tier's rules when, with the rules before and after, newest first.
     */
    @GetMapping("/api/v1/admin/tiers/audit")
    AuditPage audit(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Min(1) @Nullable Long cursor) {
        List<AuditView> items = audit.page(cursor, limit).stream()
                .map(e -> new AuditView(
                        e.id(),
                        e.tierCode(),
                        e.revision(),
                        e.changedBy(),
                        e.changedAt(),
                        mapper.readTree(e.beforeJson()),
                        mapper.readTree(e.afterJson())))
                .toList();
        String next = items.size() == limit ? String.valueOf(items.getLast().id()) : null;
        return new AuditPage(items, next);
    }
}
