package chat.clickclack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbacksTest {
    @Test
    void theDefaultsAreTheDocumentedOnes() {
        var callbacks = ConfigLoader.load(Map.of(), Map.of(), null).callbacks();
        assertThat(callbacks.allowedHosts()).isEmpty();
        assertThat(callbacks.firstRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(callbacks.maxRetry()).isEqualTo(Duration.ofMinutes(5));
        assertThat(callbacks.pauseAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void allowedHostsComeFromAFlagOrTheEnvironment() {
        assertThat(ConfigLoader.load(Map.of("allowed_callback_hosts", "ci.internal, 10.0.4.7 ::1"), Map.of(), null)
                .callbacks().allowedHosts()).isEqualTo(List.of("ci.internal", "10.0.4.7", "::1"));
        assertThat(ConfigLoader.load(Map.of(), Map.of("CLICKCLACK_ALLOWED_CALLBACK_HOSTS", "127.0.0.1"), null)
                .callbacks().allowedHosts()).isEqualTo(List.of("127.0.0.1"));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("allowed_callback_hosts", "http://ci.internal"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("allowed_callback_hosts");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("event_delivery_first_retry_ms", "2000",
                "event_delivery_max_retry_ms", "1000"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("event_delivery_max_retry_ms");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("event_delivery_pause_after_ms", "a day"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("event_delivery_pause_after_ms");
    }
}
