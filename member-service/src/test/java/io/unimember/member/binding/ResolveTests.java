package io.unimember.member.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.member.clients.ClientKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ResolveTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBuResolvesAPhoneToOneMemberRegisteringItOnce() {
        String bu = api.buToken("HOTEL");
        String phone = TestApi.newPhone();
        String account = "hotel-" + UUID.randomUUID();

        var first = api.post("/api/v1/bu/members/resolve", bu, body(phone, account));
        var again = api.post("/api/v1/bu/members/resolve", bu, body(phone, account));
        Map<String, Object> login = api.login(phone);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody()).contains("\"created\":true");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).contains("\"created\":false");
        String memberId = (String) login.get("member_id");
        assertThat(first.getBody()).contains("\"memberId\":\"" + memberId + "\"");
        assertThat(jdbc.sql("SELECT member_id FROM bu_account WHERE bu = 'HOTEL' AND external_account_id = ?")
                        .param(account)
                        .query(String.class)
                        .single())
                .isEqualTo(memberId);
    }

    @Test
    void anAccountIdBoundToAnotherMemberIsAConflictAndChangesNothing() {
        String bu = api.buToken("TRAVEL");
        String account = "trip-" + UUID.randomUUID();
        api.post("/api/v1/bu/members/resolve", bu, body(TestApi.newPhone(), account));
        String newPhone = TestApi.newPhone();

        var rebind = api.post("/api/v1/bu/members/resolve", bu, body(newPhone, account));

        assertThat(rebind.getStatusCode().value()).isEqualTo(409);
        assertThat(rebind.getBody()).contains("ACCOUNT_BOUND_TO_ANOTHER_MEMBER");
        // the refused call did not register the new phone either
        var laterResolve = api.post("/api/v1/bu/members/resolve", bu, "{\"phone\":\"" + newPhone + "\"}");
        assertThat(laterResolve.getBody()).contains("\"created\":true");
    }

    @Test
    void theSameAccountIdInAnotherBuIsAnotherBinding() {
        String account = "shared-" + UUID.randomUUID();
        var hotel = api.post("/api/v1/bu/members/resolve", api.buToken("HOTEL"), body(TestApi.newPhone(), account));
        var retail = api.post("/api/v1/bu/members/resolve", api.buToken("RETAIL"), body(TestApi.newPhone(), account));

        assertThat(hotel.getStatusCode().value()).isEqualTo(201);
        assertThat(retail.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void resolvingNeedsTheBuMembersScope() {
        String ordersOnly = api.clientToken(api.newClient(ClientKind.BU, "DINE_IN", null, List.of("bu:orders")));

        var response = api.post("/api/v1/bu/members/resolve", ordersOnly, body(TestApi.newPhone(), null));

        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void badResolveInputsAre400WithFieldErrors() {
        String bu = api.buToken("HEALTH");

        var badPhone = api.post("/api/v1/bu/members/resolve", bu, "{\"phone\":\"call me\"}");
        var longAccount = api.post("/api/v1/bu/members/resolve", bu, body(TestApi.newPhone(), "a".repeat(65)));
        var wrongType = api.post("/api/v1/bu/members/resolve", bu, "{\"phone\":{\"n\":1}}");

        assertThat(badPhone.getBody()).contains("VALIDATION_FAILED", "\"field\":\"phone\"");
        assertThat(longAccount.getBody()).contains("\"field\":\"externalAccountId\"");
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongType.getBody()).contains("\"field\":\"phone\"");
    }

    private static String body(String phone, String account) {
        return account == null
                ? "{\"phone\":\"" + phone + "\"}"
                : "{\"phone\":\"" + phone + "\",\"externalAccountId\":\"" + account + "\"}";
    }
}
