package chat.clickclack.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.clickclack.config.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate limits are written COUNT/PERIOD in every config source, and a typo stops the server naming the key. */
class RateLimitConfigTest {
    @Test
    void countsAndPeriodsParseInSecondsMinutesAndHours() {
        assertThat(RateLimit.parse("30/1m")).isEqualTo(new RateLimit(30, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("5/10s")).isEqualTo(new RateLimit(5, Duration.ofSeconds(10)));
        assertThat(RateLimit.parse("100/h")).isEqualTo(new RateLimit(100, Duration.ofHours(1)));
        assertThat(RateLimit.parse(" OFF ").off()).isTrue();
    }

    @Test
    void aBadLimitStopsTheServerWithTheKeyInTheMessage() {
        for (var bad : new String[] {"30", "x/1m", "0/1m", "30/1d", "30/"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("rate_message_post", bad), Map.of(), null))
                    .as(bad).isInstanceOf(ConfigLoader.ConfigException.class).hasMessageStartingWith("rate_message_post ");
        }
        var fromEnv = ConfigLoader.load(Map.of(), Map.of("CLICKCLACK_RATE_REACTION", "7/1s"), null);
        assertThat(fromEnv.limits().rates().get(Action.REACTION)).isEqualTo(new RateLimit(7, Duration.ofSeconds(1)));
        assertThat(fromEnv.limits().rates().get(Action.MESSAGE_POST)).isEqualTo(new RateLimit(300, Duration.ofMinutes(1)));
        assertThat(fromEnv.limits().reactionEmojiPerMessage()).isEqualTo(50);
    }
}
