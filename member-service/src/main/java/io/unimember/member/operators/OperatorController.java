package io.unimember.member.operators;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import io.unimember.member.admin.AuditLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/operators}: operators (role OPERATOR) make, list and disable operator accounts. */
@RestController
@Validated
class OperatorController {

    private final Operators operators;
    private final OperatorRepository repository;
    private final BusinessUnits businessUnits;
    private final AuditLog audit;
    private final Clock clock;

    OperatorController(
            Operators operators,
            OperatorRepository repository,
            BusinessUnits businessUnits,
            AuditLog audit,
            Clock clock) {
        this.operators = operators;
        this.repository = repository;
        this.businessUnits = businessUnits;
        this.audit = audit;
        this.clock = clock;
    }

    record OperatorList(List<Operator> items) {}

    /**
     * Creates an operator account with a generated password and TOTP secret. Operators only (role OPERATOR). A BU_ADMIN
     * needs an existing business unit and no other role has one (else 400 naming bu); a username in use is 409
     * OPERATOR_EXISTS. The password, the TOTP secret and its otpauth URI are in this answer only, never shown again.
     * Audited.
     */
    @PostMapping("/api/v1/admin/operators")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    OperatorRequests.OperatorCreated create(
            Caller caller, @Valid @RequestBody OperatorRequests.CreateOperator request) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        boolean buAdmin = request.role() == Role.BU_ADMIN;
        if (buAdmin && (request.bu() == null || !businessUnits.exists(request.bu()))) {
            throw FieldErrors.invalid("bu", "a BU admin needs an existing business unit");
        }
        if (!buAdmin && request.bu() != null) {
            throw FieldErrors.invalid("bu", "only a BU admin has a business unit");
        }
        Operators.Created created;
        try {
            created = operators.create(request.username(), request.role(), request.bu());
        } catch (DuplicateKeyException taken) {
            throw ApiException.conflict("OPERATOR_EXISTS", "an operator named " + request.username() + " exists");
        }
        Operator operator = created.operator();
        audit.record(actor, "OPERATOR_CREATED", operator.operatorId(), null, operator);
        String uri = "otpauth://totp/Unimember:" + URLEncoder.encode(operator.username(), StandardCharsets.UTF_8)
                + "?secret=" + created.totpSecret() + "&issuer=Unimember";
        return new OperatorRequests.OperatorCreated(
                operator.operatorId(),
                operator.username(),
                operator.role(),
                operator.bu(),
                created.password(),
                created.totpSecret(),
                uri,
                operator.createdAt());
    }

    /**
     * Lists the operator accounts, oldest first, at most 500. Operators only (role OPERATOR). No password or TOTP
     * secret is ever shown.
     */
    @GetMapping("/api/v1/admin/operators")
    OperatorList list(Caller caller) {
        AdminAccess.require(caller, Role.OPERATOR);
        return new OperatorList(repository.list(500));
    }

    /**
     * Disables an operator account, so it can no longer sign in. Operators only (role OPERATOR); an unknown operator is
     * 404 OPERATOR_NOT_FOUND, and disabling oneself is 409 OPERATOR_SELF_DISABLE. Disabling it again keeps its first
     * disabledAt. Audited.
     */
    @PostMapping("/api/v1/admin/operators/{operatorId}/disable")
    @Transactional
    Operator disable(Caller caller, @PathVariable @Pattern(regexp = "op_[a-z2-7]{12}") String operatorId) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        Operator before = repository
                .find(operatorId)
                .orElseThrow(() -> ApiException.notFound("OPERATOR_NOT_FOUND", "no operator " + operatorId));
        if (before.operatorId().equals(actor.id())) {
            throw ApiException.conflict("OPERATOR_SELF_DISABLE", "an operator cannot disable themselves");
        }
        repository.disable(operatorId, clock.instant());
        Operator after = repository.find(operatorId).orElseThrow();
        audit.record(actor, "OPERATOR_DISABLED", operatorId, before, after);
        return after;
    }
}
