package chat.clickclack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpHardeningTest {
    @Test
    void theDefaultsAreTheDocumentedOnes() {
        var http = ConfigLoader.load(Map.of(), Map.of(), null).http();
        assertThat(http.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(http.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(http.maxConnections()).isEqualTo(16_384);
        assertThat(http.maxSocketsPerUser()).isEqualTo(32);
        assertThat(http.maxSocketsPerIp()).isEqualTo(512);
        assertThat(http.trustedProxies()).isEmpty();
        assertThat(http.frameAncestors()).isEmpty();
    }

    @Test
    void keysComeFromTheEnvironmentLikeEveryOther() {
        var http = ConfigLoader.load(Map.of(), Map.of("CLICKCLACK_TRUSTED_PROXIES", "10.0.0.0/8, ::1",
                "CLICKCLACK_MAX_SOCKETS_PER_USER", "4"), null).http();
        assertThat(http.trustedProxies()).isEqualTo(List.of("10.0.0.0/8", "::1"));
        assertThat(http.maxSocketsPerUser()).isEqualTo(4);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("trusted_proxies", "proxy.example.com"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("trusted_proxies");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("trusted_proxies", "10.0.0.0/33"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("trusted_proxies");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("max_sockets_per_ip", "0"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("max_sockets_per_ip");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("header_read_timeout_ms", "soon"), Map.of(), null))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("header_read_timeout_ms");
    }
}
