package io.unimember.member.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.member.clients.ClientKind;
import io.unimember.member.clients.Clients;
import io.unimember.member.clients.RegisteredClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DemoClientsTests {

    @Test
    void seedsOneClientPerBuTheDemoMerchantAndAdminAllWithTheDemoSecret() {
        Clients clients = mock(Clients.class);
        BusinessUnits units = mock(BusinessUnits.class);
        when(units.codes()).thenReturn(Set.of("DINE_IN", "HOTEL", "FOOD_DELIVERY"));
        var seeded = ArgumentCaptor.forClass(RegisteredClient.class);

        new DemoClients(clients, units).run(null);

        verify(clients, times(5)).ensure(seeded.capture(), eq("demo-secret"));
        assertThat(seeded.getAllValues())
                .extracting(RegisteredClient::clientId)
                .containsExactlyInAnyOrder("bu-dine_in", "bu-food_delivery", "bu-hotel", "merchant-demo", "admin");
        RegisteredClient dineIn = seeded.getAllValues().stream()
                .filter(c -> c.clientId().equals("bu-dine_in"))
                .findFirst()
                .orElseThrow();
        assertThat(dineIn.bu()).isEqualTo("DINE_IN");
        assertThat(dineIn.scopes())
                .containsExactly("bu:orders", "bu:members", "bu:redeem", "bu:campaigns", "bu:webhooks");
        RegisteredClient merchant = seeded.getAllValues().stream()
                .filter(c -> c.kind() == ClientKind.MERCHANT)
                .findFirst()
                .orElseThrow();
        assertThat(merchant.merchantId()).isEqualTo("merchant-demo");
        assertThat(merchant.bu()).isEqualTo("ENTERTAINMENT");
        assertThat(merchant.scopes()).isEqualTo(List.of("merchant:members", "merchant:verify"));
    }

    @Test
    void seedingTwiceIsHarmless() {
        Clients clients = mock(Clients.class);
        BusinessUnits units = mock(BusinessUnits.class);
        when(units.codes()).thenReturn(Set.of("RETAIL"));
        when(clients.ensure(any(), any())).thenReturn(false);

        new DemoClients(clients, units).run(null);

        verify(clients, times(3)).ensure(any(), eq("demo-secret"));
    }
}
