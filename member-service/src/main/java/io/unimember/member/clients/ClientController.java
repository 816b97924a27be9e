package io.unimember.member.clients;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Scopes;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import io.unimember.member.support.RandomIds;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/clients}: an admin registers a BU or merchant client (admin scope by path rule). */
@RestController
class ClientController {

    private static final List<String> BU_SCOPES =
            List.of(Scopes.BU_ORDERS, Scopes.BU_MEMBERS, Scopes.BU_REDEEM, Scopes.BU_CAMPAIGNS);
    private static final List<String> MERCHANT_SCOPES = List.of(Scopes.MERCHANT_MEMBERS, Scopes.MERCHANT_VERIFY);

    private final Clients clients;
    private final BusinessUnits businessUnits;

    ClientController(Clients clients, BusinessUnits businessUnits) {
        this.clients = clients;
        this.businessUnits = businessUnits;
    }

    @PostMapping("/api/v1/admin/clients")
    @ResponseStatus(HttpStatus.CREATED)
    ClientCreated register(@Valid @RequestBody ClientRequest request) {
        if (!businessUnits.exists(request.bu())) {
            throw FieldErrors.invalid("bu", "unknown business unit");
        }
        boolean merchant = request.kind() == ClientRequest.Kind.MERCHANT;
        String merchantId = request.merchantId();
        if (merchant && merchantId == null) {
            throw FieldErrors.invalid("merchantId", "a merchant client needs a merchantId");
        }
        if (!merchant && merchantId != null) {
            throw FieldErrors.invalid("merchantId", "only a merchant client has a merchantId");
        }
        List<String> allowed = merchant ? MERCHANT_SCOPES : BU_SCOPES;
        List<String> scopes = request.scopes().stream().distinct().toList();
        if (!allowed.containsAll(scopes)) {
            throw FieldErrors.invalid("scopes", "a " + request.kind() + " client may only have " + allowed);
        }
        String clientId = request.clientId() != null ? request.clientId() : generatedId(request, merchantId);
        var client = new RegisteredClient(
                clientId, merchant ? ClientKind.MERCHANT : ClientKind.BU, request.bu(), merchantId, scopes);
        try {
            Clients.Created created = clients.register(client);
            return new ClientCreated(
                    clientId, created.secret(), client.kind(), request.bu(), merchantId, scopes, created.createdAt());
        } catch (DuplicateKeyException taken) {
            throw ApiException.conflict("CLIENT_EXISTS", "a client with id " + clientId + " exists");
        }
    }

    private static String generatedId(ClientRequest request, @Nullable String merchantId) {
        String base = merchantId != null ? "mc-" : "bu-" + request.bu().toLowerCase(Locale.ROOT) + "-";
        return RandomIds.base32(base, 10);
    }
}
