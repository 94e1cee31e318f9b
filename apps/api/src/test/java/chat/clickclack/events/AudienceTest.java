package chat.clickclack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule every delivery path applies: a DM event admits its members only, also after a round trip through the row. */
class AudienceTest {
    @Test
    void aDmAudienceAdmitsItsMembersOnlyAndSurvivesTheStoredColumns() {
        var dm = Audience.dm("dm_1", List.of("usr_b", "usr_a"));
        assertThat(dm.membersColumn()).isEqualTo("usr_a,usr_b");
        var stored = Audience.of(dm.kind(), dm.id(), dm.membersColumn());
        for (var audience : List.of(dm, stored)) {
            assertThat(audience.admits("usr_a")).isTrue();
            assertThat(audience.admits("usr_b")).isTrue();
            assertThat(audience.admits("usr_c")).isFalse();
            assertThat(audience.admits(null)).isFalse();
        }
    }

    @Test
    void aDmWithoutMembersOrAnUnknownKindAdmitsNobody() {
        assertThat(Audience.of("dm", "dm_1", null).admits("usr_a")).isFalse();
        assertThat(Audience.of("team", "tm_1", "usr_a").admits("usr_a")).isFalse();
        assertThat(Audience.of(null, null, null).admits("usr_a")).isTrue();
        assertThat(Audience.user("usr_a").admits("usr_a")).isTrue();
        assertThat(Audience.user("usr_a").admits("usr_b")).isFalse();
    }

    @Test
    void aPrivateChannelAudienceAsksWhoIsSeatedNowAndAdmitsTheSubjectOfAMembershipEvent() {
        var seated = new java.util.HashSet<>(List.of("usr_a"));
        ChannelSeats seats = (channelId, userId) -> channelId.equals("chn_1") && seated.contains(userId);
        var leaving = Audience.channel("chn_1", List.of("usr_b"));
        var stored = Audience.of(leaving.kind(), leaving.id(), leaving.membersColumn());
        for (var audience : List.of(leaving, stored)) {
            assertThat(audience.admits("usr_a", seats)).isTrue();
            assertThat(audience.admits("usr_b", seats)).as("the one who left").isTrue();
            assertThat(audience.admits("usr_c", seats)).isFalse();
        }
        seated.add("usr_c");
        assertThat(Audience.channel("chn_1", List.of()).admits("usr_c", seats)).as("membership at delivery time").isTrue();
        assertThat(Audience.channel("chn_1", List.of()).admits("usr_a")).as("no seat lookup: fail closed").isFalse();
    }
}
