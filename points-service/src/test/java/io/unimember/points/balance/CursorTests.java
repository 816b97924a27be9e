package io.unimember.points.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unimember.common.web.ApiException;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void roundTrips() {
        assertThat(Cursor.decode(Cursor.encode(12_345))).isEqualTo(12_345);
    }

    @Test
    void refusesCursorsItDidNotMake() {
        for (String forged : new String[] {"abc", "MTIz", "dDotMQ", "%%%", "dDphYmM"}) {
            assertThatThrownBy(() -> Cursor.decode(forged))
                    .as(forged)
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code())
                    .isEqualTo("INVALID_CURSOR");
        }
    }
}
