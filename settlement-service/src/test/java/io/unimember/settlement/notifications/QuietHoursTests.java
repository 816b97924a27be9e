package io.unimember.settlement.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static NotificationProperties properties() {
        return new NotificationProperties(
                SHANGHAI,
                LocalTime.of(22, 0),
                LocalTime.of(8, 0),
                new int[] {30, 7},
                Duration.ofDays(3),
                Duration.ofDays(30),
                List.of("REGULAR", "SILVER", "GOLD"),
                List.of(0L, 0L, 2000L),
                Duration.ofMinutes(10),
                new NotificationProperties.Push(false, "", Duration.ofSeconds(2)));
    }

    @Test
    void quietHoursRunFromTenAtNightToEightInTheMorning() {
        NotificationProperties p = properties();

        assertThat(p.quietAt(LocalTime.of(22, 0))).isTrue();
        assertThat(p.quietAt(LocalTime.of(2, 30))).isTrue();
        assertThat(p.quietAt(LocalTime.of(7, 59))).isTrue();
        assertThat(p.quietAt(LocalTime.of(8, 0))).isFalse();
        assertThat(p.quietAt(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void noPushInTheQuietHoursOfShanghaiWhateverTheServersZone() {
        Notifier.Outgoing wantsPush = new Notifier.Outgoing("m-1", "TIER_UP", "t", "b", false, true);
        Clock lateInShanghai =
                Clock.fixed(ZonedDateTime.of(2026, 3, 1, 23, 30, 0, 0, SHANGHAI).toInstant(), ZoneId.of("UTC"));
        Clock noonInShanghai =
                Clock.fixed(ZonedDateTime.of(2026, 3, 1, 12, 0, 0, 0, SHANGHAI).toInstant(), ZoneId.of("UTC"));

        assertThat(new Channels().pushNotifier(properties(), lateInShanghai).send(wantsPush))
                .isFalse();
        assertThat(new Channels().pushNotifier(properties(), noonInShanghai).send(wantsPush))
                .isTrue();
        assertThat(new Channels()
                        .pushNotifier(properties(), noonInShanghai)
                        .send(new Notifier.Outgoing("m-1", "TIER_UP", "t", "b", false, false)))
                .as("the member turned pushes off")
                .isFalse();
    }

    @Test
    void smsOnlyForMembersWhoWantIt() {
        List<String> sent = new java.util.ArrayList<>();
        Notifier sms = new Channels().smsNotifier((member, text) -> sent.add(member + ":" + text));

        assertThat(sms.send(new Notifier.Outgoing("m-1", "K", "t", "b", false, true)))
                .isFalse();
        assertThat(sms.send(new Notifier.Outgoing("m-2", "K", "t", "b", true, true)))
                .isTrue();
        assertThat(sent).containsExactly("m-2:t b");
    }
}
