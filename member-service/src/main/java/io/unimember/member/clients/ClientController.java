package io.unimember.member.clients;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Caller;
import io.unimember.common.security.Scopes;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import io.unimember.member.admin.AuditLog;
import io.unimember.member.support.RandomIds;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/clients}: an operator (or a BU admin, for their own BU) registers a BU's or merchant's
 * client, or an app members sign in to. Audited; the secret is in the answer only.
 */
@RestController
class ClientController {

    private static final List<String> BU_SCOPES =
            List.of(Scopes.BU_ORDERS, Scopes.BU_MEMBERS, Scopes.BU_REDEEM, Scopes.BU_CAMPAIGNS, Scopes.BU_WEBHOOKS);
    private static final List<String> MERCHANT_SCOPES = List.of(Scopes.MERCHANT_MEMBERS, Scopes.MERCHANT_VERIFY);
    private static final List<String> APP_SCOPES = List.of("openid", "profile", Scopes.MEMBER);

    private final Clients clients;
    private final BusinessUnits businessUnits;
    private final AuditLog audit;

    ClientController(Clients clients, BusinessUnits businessUnits, AuditLog audit) {
        this.clients = clients;
        this.businessUnits = businessUnits;
        this.audit = audit;
    }

    /**
     * Registers a client: a BU's, a merchant's, or an app members sign in to. Operators register for any BU, a BU_ADMIN
     * only for their own (else 403 ROLE_REQUIRED). A BU client may have only the bu scopes, a merchant client (which
     * needs a merchantId) only the merchant scopes, an app only openid, profile and member and at least one redirect
     * URI; a broken rule is 400 naming the field. Without a clientId one is generated, and an id in use is 409
     * CLIENT_EXISTS. The secret is in this answer only (a public app has none). Audited.
     */
    @PostMapping("/api/v1/admin/clients")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    ClientCreated register(Caller caller, @Valid @RequestBody ClientRequest request) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.BU_ADMIN);
        if (!businessUnits.exists(request.bu())) {
            throw FieldErrors.invalid("bu", "unknown business unit");
        }
        if (!actor.mayManage(request.bu())) {
            throw ApiException.forbidden("ROLE_REQUIRED", "a BU admin registers clients of their own BU only");
        }
        ClientKind kind =
                switch (request.kind()) {
                    case BU -> ClientKind.BU;
                    case MERCHANT -> ClientKind.MERCHANT;
                    case MEMBER_APP -> ClientKind.MEMBER_APP;
                };
        String merchantId = request.merchantId();
        if (kind == ClientKind.MERCHANT && merchantId == null) {
            throw FieldErrors.invalid("merchantId", "a merchant client needs a merchantId");
        }
        if (kind != ClientKind.MERCHANT && merchantId != null) {
            throw FieldErrors.invalid("merchantId", "only a merchant client has a merchantId");
        }
        boolean app = kind == ClientKind.MEMBER_APP;
        if (app && request.redirectUrisOrNone().isEmpty()) {
            throw FieldErrors.invalid("redirectUris", "an app needs at least one redirect URI");
        }
        if (!app && (request.redirectUris() != null || Boolean.TRUE.equals(request.publicApp()))) {
            throw FieldErrors.invalid("redirectUris", "only an app has redirect URIs or is public");
        }
        List<String> allowed =
                switch (kind) {
                    case MERCHANT -> MERCHANT_SCOPES;
                    case MEMBER_APP -> APP_SCOPES;
                    default -> BU_SCOPES;
                };
        List<String> scopes = request.scopes().stream().distinct().toList();
        if (!allowed.containsAll(scopes)) {
            throw FieldErrors.invalid("scopes", "a " + request.kind() + " client may only have " + allowed);
        }
        String clientId = request.clientId() != null ? request.clientId() : generatedId(kind, request.bu());
        var client = new RegisteredClient(clientId, kind, request.bu(), merchantId, scopes);
        try {
            String secret;
            Instant createdAt;
            if (app && Boolean.TRUE.equals(request.publicApp())) {
                secret = null;
                createdAt = clients.registerPublic(client, request.name(), request.redirectUrisOrNone());
            } else {
                Clients.Created created = clients.register(client, request.name(), request.redirectUrisOrNone());
                secret = created.secret();
                createdAt = created.createdAt();
            }
            audit.record(actor, "CLIENT_REGISTERED", clientId, null, client);
            return new ClientCreated(
                    clientId,
                    secret,
                    client.kind(),
                    request.bu(),
                    merchantId,
                    scopes,
                    request.name(),
                    request.redirectUrisOrNone(),
                    createdAt);
        } catch (DuplicateKeyException taken) {
            throw ApiException.conflict("CLIENT_EXISTS", "a client with id " + clientId + " exists");
        }
    }

    private static String generatedId(ClientKind kind, String bu) {
        String base =
                switch (kind) {
                    case MERCHANT -> "mc-";
                    case MEMBER_APP -> "app-" + bu.toLowerCase(Locale.ROOT) + "-";
                    default -> "bu-" + bu.toLowerCase(Locale.ROOT) + "-";
                };
        return RandomIds.base32(base, 10);
    }
}
