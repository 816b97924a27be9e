package io.unimember.member.clients;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.member.admin.AuditLog;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's life after registration: {@code POST .../secret} rotates its secret (the new one shown once, the old one
 * dead at once), {@code POST .../disable} stops it getting tokens. Operators, or the BU admin of its BU. Audited.
 */
@RestController
@Validated
class ClientAdminController {

    private static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Clients clients;
    private final ClientRepository repository;
    private final AuditLog audit;

    ClientAdminController(Clients clients, ClientRepository repository, AuditLog audit) {
        this.clients = clients;
        this.repository = repository;
        this.audit = audit;
    }

    record SecretRotated(String clientId, String clientSecret, Instant rotatedAt) {}

    /**
     * Rotates a client's secret, shown once; the old one stops working at once. Operators, or the BU_ADMIN of the
     * client's BU (else 403 ROLE_REQUIRED); an unknown client is 404 CLIENT_NOT_FOUND, and a public app, which has no
     * secret, is 409 CLIENT_IS_PUBLIC. Audited.
     */
    @PostMapping("/api/v1/admin/clients/{clientId}/secret")
    @Transactional
    SecretRotated rotateSecret(Caller caller, @PathVariable @Pattern(regexp = CLIENT_ID) String clientId) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.BU_ADMIN);
        ClientView before = manageable(actor, clientId);
        if (before.publicApp()) {
            throw ApiException.conflict("CLIENT_IS_PUBLIC", "a public app has no secret to rotate");
        }
        Clients.Rotated rotated = clients.rotateSecret(clientId);
        audit.record(actor, "CLIENT_SECRET_ROTATED", clientId, null, null);
        return new SecretRotated(clientId, rotated.secret(), rotated.at());
    }

    /**
     * Disables a client, so it gets no more tokens. Operators, or the BU_ADMIN of the client's BU (a client without a
     * BU is for operators only; else 403 ROLE_REQUIRED); an unknown client is 404 CLIENT_NOT_FOUND. Tokens it already
     * holds work until they expire, and disabling it again keeps its first disabledAt. Audited.
     */
    @PostMapping("/api/v1/admin/clients/{clientId}/disable")
    @Transactional
    ClientView disable(Caller caller, @PathVariable @Pattern(regexp = CLIENT_ID) String clientId) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.BU_ADMIN);
        ClientView before = manageable(actor, clientId);
        clients.disable(clientId);
        ClientView after = repository.view(clientId).orElseThrow();
        audit.record(actor, "CLIENT_DISABLED", clientId, before, after);
        return after;
    }

    private ClientView manageable(Actor actor, String clientId) {
        ClientView client = repository
                .view(clientId)
                .orElseThrow(() -> ApiException.notFound("CLIENT_NOT_FOUND", "no client " + clientId));
        if (client.bu() == null ? actor.role() != Role.OPERATOR : !actor.mayManage(client.bu())) {
            throw ApiException.forbidden("ROLE_REQUIRED", "a BU admin manages the clients of their own BU only");
        }
        return client;
    }
}
