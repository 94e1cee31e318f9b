package chat.clickclack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void quickDefaultsApplyUnlessAParameterIsGiven() {
        var options = Options.parse(new String[] {"send", "--quick", "--senders", "5"});
        assertThat(options.integer("senders", 8, 64)).isEqualTo(5);
        assertThat(options.integer("channels", 2, 8)).isEqualTo(2);
    }

    @Test
    void allRunsEveryScenarioInOrder() {
        assertThat(Options.parse(new String[] {"all"}).scenarios())
                .containsExactly("send", "fanout", "reconnect", "mix", "footprint", "search", "upload");
    }

    @Test
    void aRampIsACommaSeparatedList() {
        var options = Options.parse(new String[] {"mix", "--users", "100,200"});
        assertThat(options.integers("users", List.of(1), List.of(2))).containsExactly(100, 200);
    }

    @Test
    void unknownOptionsAreRejectedWithTheUsage() {
        assertThatThrownBy(() -> Options.parse(new String[] {"send", "--sendres", "5"}))
                .hasMessageContaining("unknown option '--sendres'").hasMessageContaining("usage:");
    }

    @Test
    void serverEnvironmentNeedsKeyEqualsValue() {
        var options = Options.parse(new String[] {"reconnect", "--server-env", "CLICKCLACK_REPLAY_WINDOW=20000"});
        assertThat(options.serverEnv()).containsEntry("CLICKCLACK_REPLAY_WINDOW", "20000");
        assertThatThrownBy(() -> Options.parse(new String[] {"send", "--server-env", "nope"}))
                .hasMessageContaining("KEY=VALUE");
    }
}
