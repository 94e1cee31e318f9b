package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginCheckTest {
    @Test
    void originsAreComparedAsSchemeHostAndPortTheWayBrowsersWriteThem() {
        assertThat(OriginCheck.origin("https://Chat.Example.com")).isEqualTo("https://chat.example.com");
        assertThat(OriginCheck.origin("HTTPS://chat.example.com:443/app")).isEqualTo("https://chat.example.com");
        assertThat(OriginCheck.origin("http://localhost:8080/app")).isEqualTo("http://localhost:8080");
        assertThat(OriginCheck.origin("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThat(OriginCheck.origin("http://chat.example.com")).isNotEqualTo(OriginCheck.origin("https://chat.example.com"));
        assertThat(OriginCheck.origin("null")).isNull();
        assertThat(OriginCheck.origin("ftp://chat.example.com")).isNull();
        assertThat(OriginCheck.origin("not a url")).isNull();
    }
}
