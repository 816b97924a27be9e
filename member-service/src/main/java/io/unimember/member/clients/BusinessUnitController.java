package io.unimember.member.clients;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.member.admin.AuditLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * BU onboarding as data, member-service's part: {@code POST /api/v1/admin/business-units} adds a row (a BU is a
 * row, DESIGN §3), {@code GET} lists them, and a BU's clients are listed under it. Earning rates and settlement
 * prices are points-service's and settlement-service's data.
 */
@RestController
@Validated
class BusinessUnitController {

    private final JdbcClient jdbc;
    private final BusinessUnits businessUnits;
    private final ClientRepository clients;
    private final AuditLog audit;
    private final Clock clock;

    BusinessUnitController(
            JdbcClient jdbc, BusinessUnits businessUnits, ClientRepository clients, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.businessUnits = businessUnits;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    record NewBusinessUnit(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "2-32 of A-Z 0-9 _, starting with a letter")
                    String code,
            @NotNull
                    @Size(min = 1, max = 64)
                    @Pattern(regexp = "[^\\u0000-\\u001F<>]+", message = "no control characters or <>")
                    String name) {}

    record BusinessUnit(String code, String name, Instant createdAt) {}

    record BusinessUnitList(List<BusinessUnit> items) {}

    record ClientList(List<ClientView> items) {}

    /**
     * Adds a business unit: a new BU is a row, not a release. Operators only (role OPERATOR). The code is 2-32 of A-Z
     * 0-9 _, starting with a letter; a code that exists is 409 BUSINESS_UNIT_EXISTS. Audited. Its earning rates and
     * settlement prices are points-service's and settlement-service's data.
     */
    @PostMapping("/api/v1/admin/business-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    BusinessUnit create(Caller caller, @Valid @RequestBody NewBusinessUnit request) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO business_unit (code, name, created_at) VALUES (?, ?, ?)")
                    .params(request.code(), request.name(), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw ApiException.conflict("BUSINESS_UNIT_EXISTS", "business unit " + request.code() + " exists");
        }
        var created = new BusinessUnit(request.code(), request.name(), now);
        audit.record(actor, "BUSINESS_UNIT_CREATED", request.code(), null, created);
        businessUnits.reload();
        return created;
    }

    /**
     * Lists the business units, by code. Open to every operator role.
     */
    @GetMapping("/api/v1/admin/business-units")
    BusinessUnitList list(Caller caller) {
        AdminAccess.require(caller, Role.values());
        return new BusinessUnitList(jdbc.sql("SELECT code, name, created_at FROM business_unit ORDER BY code")
                .query((rs, n) -> new BusinessUnit(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list());
    }

    /**
     * Lists the clients registered for a business unit, without their secrets. For the roles OPERATOR and SUPPORT, and
     * for a BU_ADMIN on their own BU only (another is 403 ROLE_REQUIRED); an unknown BU is 404 BUSINESS_UNIT_NOT_FOUND.
     */
    @GetMapping("/api/v1/admin/business-units/{code}/clients")
    ClientList clients(Caller caller, @PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") String code) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.BU_ADMIN, Role.SUPPORT);
        if (!businessUnits.exists(code)) {
            throw ApiException.notFound("BUSINESS_UNIT_NOT_FOUND", "no business unit " + code);
        }
        if (!actor.mayManage(code)) {
            throw ApiException.forbidden("ROLE_REQUIRED", "a BU admin sees the clients of their own BU only");
        }
        return new ClientList(clients.ofBu(code));
    }
}
