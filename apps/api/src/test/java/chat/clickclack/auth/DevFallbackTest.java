package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevFallbackTest {
    @Test
    void onlyLoopbackPeersWithALoopbackHostAndNoProxyHeadersCount() {
        assertThat(DevFallback.isLocal("127.0.0.1", "localhost:8080", false)).isTrue();
        assertThat(DevFallback.isLocal("::1", "[::1]:8080", false)).isTrue();
        assertThat(DevFallback.isLocal("127.0.0.1", "127.0.0.1", false)).isTrue();
        assertThat(DevFallback.isLocal("10.0.0.5", "localhost:8080", false)).as("remote peer").isFalse();
        assertThat(DevFallback.isLocal("127.0.0.1", "chat.example.com", false)).as("DNS rebinding").isFalse();
        assertThat(DevFallback.isLocal("127.0.0.1", "localhost:8080", true)).as("behind a proxy").isFalse();
        assertThat(DevFallback.isLocal("127.0.0.1", null, false)).isFalse();
    }
}
