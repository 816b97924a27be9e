package io.unimember.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeTests {

    @Test
    void eventIdsAreVersion7AndEachLaterOneSortsAfterTheOnesBeforeIt() {
        JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            UUID id = EventEnvelope.wrap(new MemberRegistered("m-" + i, Instant.now()), "test", Instant.now(), mapper)
                    .eventId();
            assertThat(id.version()).isEqualTo(7);
            ids.add(id.toString());
        }
        // as text, the way the inbox stores them: in the order they were made, every one distinct
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
