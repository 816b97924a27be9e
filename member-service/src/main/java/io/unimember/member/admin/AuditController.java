package io.unimember.member.admin;

import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.common.web.FieldErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/audit}: the admin writes, newest first, for operators and finance (auditors). */
@RestController
@Validated
class AuditController {

    private final AuditRepository repository;

    AuditController(AuditRepository repository) {
        this.repository = repository;
    }

    record AuditPage(List<AuditEntry> items, @Nullable String nextCursor) {}

    /**
     * Lists the admin writes of every service, newest first. For operators with the role OPERATOR or FINANCE (others get
     * 403 ROLE_REQUIRED). Each entry names who did what to which target, with the target before and after; actor and
     * action filter the list, and nextCursor passed back as cursor gives the next page (a cursor that is not one of
     * this list is 400).
     */
    @GetMapping("/api/v1/admin/audit")
    AuditPage audit(
            Caller caller,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[0-9]{1,18}") String cursor,
            @RequestParam(required = false) @Nullable @Size(max = 64) String actor,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Z_]{1,64}") String action,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z-]{1,32}") String service) {
        AdminAccess.require(caller, Role.OPERATOR, Role.FINANCE);
        Long before = cursor == null ? null : Long.valueOf(cursor);
        if (before != null && before <= 0) {
            throw FieldErrors.invalid("cursor", "not a cursor of this list");
        }
        List<AuditEntry> items = repository.page(before, actor, action, service, limit + 1);
        boolean more = items.size() > limit;
        List<AuditEntry> page = more ? items.subList(0, limit) : items;
        return new AuditPage(page, more ? Long.toString(page.getLast().id()) : null);
    }
}
