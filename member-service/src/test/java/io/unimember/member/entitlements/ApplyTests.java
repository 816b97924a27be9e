package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.inbox.EventInbox;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ApplyTests {

    private final EventInbox inbox = mock(EventInbox.class);
    private final EventEnvelope event =
            new EventEnvelope(UUID.randomUUID(), "tier.changed", Instant.now(), "m", "test", 1, null);

    @Test
    void aDatabaseBrieflyAwayIsWaitedOutNotDeadLettered() {
        when(inbox.applyOnce(eq("c"), eq(event), any()))
                .thenThrow(new CannotGetJdbcConnectionException("down"))
                .thenThrow(new QueryTimeoutException("slow"))
                .thenReturn(true);

        new Apply(inbox).once("c", event, () -> {});

        verify(inbox, times(3)).applyOnce(eq("c"), eq(event), any());
    }

    @Test
    void anErrorThatRetryingCannotFixGoesStraightBack() {
        when(inbox.applyOnce(eq("c"), eq(event), any())).thenThrow(new DataIntegrityViolationException("bad"));

        assertThatThrownBy(() -> new Apply(inbox).once("c", event, () -> {}))
                .isInstanceOf(DataIntegrityViolationException.class);
        verify(inbox, times(1)).applyOnce(eq("c"), eq(event), any());
    }
}
