package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginCheckTest {
    @Test
    void originsAreComparedAsHostAndPortTheWayHostHeadersAreWritten() {
        assertThat(OriginCheck.hostAndPort("https://Chat.Example.com")).isEqualTo("chat.example.com");
        assertThat(OriginCheck.hostAndPort("http://localhost:8080/app")).isEqualTo("localhost:8080");
        assertThat(OriginCheck.hostAndPort("http://[::1]:8080")).isEqualTo("[::1]:8080");
        assertThat(OriginCheck.hostAndPort("null")).isNull();
        assertThat(OriginCheck.hostAndPort("not a url")).isNull();
    }
}
