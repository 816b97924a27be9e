package io.unimember.member.risk;

import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.risk.RiskRule;
import io.unimember.common.security.Caller;
import io.unimember.common.web.FieldErrors;
import io.unimember.member.support.RandomIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/risk/rules} and {@code /api/v1/admin/risk/thresholds}: operators write the risk policy. */
@RestController
@Validated
class RiskRuleController {

    private final RiskRules rules;

    RiskRuleController(RiskRules rules) {
        this.rules = rules;
    }

    /**
     * The risk policy in force: its version, the thresholds (a total score of at least reviewAt parks the action for
     * review, of at least denyAt refuses it) and every rule, enabled or not. Operators only (role OPERATOR).
     */
    @GetMapping({"/api/v1/admin/risk/rules", "/api/v1/admin/risk/thresholds"})
    RiskRuleRequests.PolicyView policy(Caller caller) {
        AdminAccess.require(caller, Role.OPERATOR);
        return RiskRuleRequests.PolicyView.of(rules.policy());
    }

    /**
     * Adds a rule; it is in force in every service within a few seconds. Operators only (role OPERATOR). An id in use
     * is 409 RISK_RULE_EXISTS; a window outside 10 seconds to 90 days is 400 naming window. Audited.
     */
    @PostMapping("/api/v1/admin/risk/rules")
    @ResponseStatus(HttpStatus.CREATED)
    RiskRule create(Caller caller, @Valid @RequestBody RiskRuleRequests.RuleRequest request) {
        var actor = AdminAccess.require(caller, Role.OPERATOR);
        String id = request.id() != null ? request.id() : RandomIds.base32("rr-", 12);
        return rules.create(actor, request.toRule(id));
    }

    /**
     * Replaces a rule (its id stays; an id in the body must be the path's). Operators only (role OPERATOR). An
     * unknown rule is 404 RISK_RULE_NOT_FOUND. Audited.
     */
    @PutMapping("/api/v1/admin/risk/rules/{ruleId}")
    RiskRule update(
            Caller caller,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") String ruleId,
            @Valid @RequestBody RiskRuleRequests.RuleRequest request) {
        var actor = AdminAccess.require(caller, Role.OPERATOR);
        if (request.id() != null && !request.id().equals(ruleId)) {
            throw FieldErrors.invalid("id", "must be the rule's id in the path, or absent");
        }
        return rules.update(actor, request.toRule(ruleId));
    }

    /**
     * Sets the thresholds: a total score of at least reviewAt parks the action, of at least denyAt refuses it;
     * reviewAt must not be above denyAt (else 400). Operators only (role OPERATOR). Audited.
     */
    @PutMapping("/api/v1/admin/risk/thresholds")
    RiskRuleRequests.PolicyView thresholds(Caller caller, @Valid @RequestBody RiskRuleRequests.Thresholds request) {
        var actor = AdminAccess.require(caller, Role.OPERATOR);
        if (request.reviewAt() > request.denyAt()) {
            throw FieldErrors.invalid("reviewAt", "must not be above denyAt");
        }
        return RiskRuleRequests.PolicyView.of(rules.thresholds(actor, request.reviewAt(), request.denyAt()));
    }
}
