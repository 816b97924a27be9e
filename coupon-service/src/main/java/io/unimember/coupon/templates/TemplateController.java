package io.unimember.coupon.templates;

import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.admin.Role;
import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import io.unimember.common.security.Claims;
import io.unimember.common.security.Scopes;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.support.Times;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Admin creates any template; a BU with {@code bu:campaigns} only templates it funds. */
@RestController
class TemplateController {

    private final TemplateRules rules;
    private final Templates templates;
    private final Idempotency idempotency;
    private final TemplateProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final AdminAudit audit;

    TemplateController(
            TemplateRules rules,
            Templates templates,
            Idempotency idempotency,
            TemplateProperties properties,
            TransactionTemplate tx,
            Clock clock,
            AdminAudit audit) {
        this.rules = rules;
        this.properties = properties;
        this.tx = tx;
        this.templates = templates;
        this.idempotency = idempotency;
        this.clock = clock;
        this.audit = audit;
    }

    /** A retry may send an {@code Idempotency-Key}, so it does not create the template twice. */
    @PostMapping("/api/v1/admin/coupon-templates")
    @Creates("the template is created")
    ResponseEntity<TemplateView> create(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody TemplateRequest request) {
        requireMayFund(caller, request.fundingBu());
        if (key == null) {
            return ResponseEntity.status(HttpStatus.CREATED).body(tx.execute(status -> create(caller, request)));
        }
        var result = idempotency
                .once("template:" + caller.subject(), key, request)
                .answering(HttpStatus.CREATED, TemplateView.class, () -> create(caller, request));
        return ResponseEntity.status(result.status()).body(result.body());
    }

    /**
     * Reads a coupon template with what it has issued so far. Admins read any, a BU client with bu:campaigns only the
     * templates it funds: another's is 404 TEMPLATE_NOT_FOUND, as is an unknown id.
     */
    @GetMapping("/api/v1/admin/coupon-templates/{templateId}")
    TemplateView get(Caller caller, @PathVariable String templateId) {
        Template template = templates
                .find(templateId)
                .orElseThrow(() -> ApiException.notFound("TEMPLATE_NOT_FOUND", "no such coupon template"));
        if (!caller.isAdmin() && !template.fundingBu().equals(caller.claim(Claims.BU))) {
            throw ApiException.notFound("TEMPLATE_NOT_FOUND", "no such coupon template");
        }
        return TemplateView.of(template);
    }

    private TemplateView create(Caller caller, TemplateRequest r) {
        var now = Times.now(clock);
        var terms = rules.check(r, now);
        var template = new Template(
                UUID.randomUUID().toString(),
                r.name(),
                terms,
                r.fundingBu(),
                r.validDays(),
                r.validFrom(),
                r.validTo(),
                r.totalQuantity(),
                r.perMemberLimit(),
                r.budgetFen(),
                0,
                0,
                r.claimable() == null || r.claimable(),
                0,
                caller.subject(),
                now,
                r.pointsPrice());
        var shards = StockShards.split(
                template.totalQuantity(), template.budgetFen(), terms.faceValueFen(), properties.stockShards());
        templates.insert(template, shards);
        template = templates.find(template.id()).orElseThrow();
        TemplateView created = TemplateView.of(template);
        audit.record(caller, "COUPON_TEMPLATE_CREATED", "template:" + template.id(), null, created);
        return created;
    }

    private static void requireMayFund(Caller caller, String fundingBu) {
        if (caller.isAdmin()) {
            AdminAccess.require(caller, Role.OPERATOR);
            return;
        }
        if (!caller.hasScope(Scopes.BU_CAMPAIGNS) || !fundingBu.equals(caller.claim(Claims.BU))) {
            throw ApiException.forbidden(
                    "FUNDING_BU_NOT_OWNED", "a business unit may only create templates it funds itself");
        }
    }
}
