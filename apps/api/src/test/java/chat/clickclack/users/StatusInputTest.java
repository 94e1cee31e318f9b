package chat.clickclack.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.clickclack.http.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as "one emoji" for a custom status: what people pick from an emoji keyboard, nothing else. */
class StatusInputTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "🦞", // a plain pictograph
        "👍🏽", // with a skin tone
        "👩‍👩‍👧", // a ZWJ family sequence
        "🇫🇷", // a flag: two regional indicators
        "1️⃣", // a keycap
        "❤️", // a text-default symbol with the emoji variation selector
        " 🌊 ", // surrounding spaces are trimmed
    })
    void oneEmojiIsAccepted(String emoji) {
        assertThat(StatusInput.requireEmoji(emoji)).isEqualTo(emoji.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1", "#", "ab", "🦞🦀", "🦞 x", "", "  ", "\u200D"})
    void anythingElseIsRefused(String notOneEmoji) {
        assertThatThrownBy(() -> StatusInput.requireEmoji(notOneEmoji))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("one emoji");
    }
}
