package chat.clickclack.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.CallbackReceiver;
import chat.clickclack.testing.CallbackReceiver.Answer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client connects to the addresses the guard checked, not to a second DNS answer: host names that only
 * the injected resolver knows reach the real receiver on loopback when allowed, and are refused (nothing
 * sent) when they resolve to a refused address.
 */
class CallbackClientTest {
    static CallbackReceiver receiver;
    static CallbackClient client;

    @BeforeAll
    static void start() {
        receiver = CallbackReceiver.start();
        CallbackGuard.HostResolver dns = host -> switch (host) {
            case "receiver.test", "rebound.test" -> List.of(InetAddress.getByName("127.0.0.1"));
            case "split.test" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1"));
            default -> throw new UnknownHostException(host);
        };
        client = new CallbackClient(new CallbackGuard(List.of("receiver.test"), dns));
    }

    @AfterEach
    void reset() {
        receiver.answer = r -> Answer.status(200);
        receiver.drain();
    }

    @AfterAll
    static void stop() {
        client.close();
        receiver.close();
    }

    private static CallbackClient.Outcome post(String host, String path) {
        return client.post(URI.create("http://" + host + ":" + receiver.port() + path), "application/json",
                "{}".getBytes(), Map.of("X-Test", "1"), Duration.ofSeconds(3));
    }

    @Test
    void anAllowedHostIsReachedAtTheAddressTheGuardResolved() throws Exception {
        var outcome = post("receiver.test", "/in");

        assertThat(outcome.ok()).as(String.valueOf(outcome.problem())).isTrue();
        var got = receiver.next(5);
        assertThat(got.path()).isEqualTo("/in");
        assertThat(got.header("Host")).startsWith("receiver.test");
        assertThat(got.header("X-Test")).isEqualTo("1");
    }

    @Test
    void aNameThatResolvesToARefusedAddressIsNeverConnectedTo() {
        assertThat(post("rebound.test", "/x").problem()).contains("refused by the callback safety rules")
                .contains("loopback");
        assertThat(post("split.test", "/x").problem()).contains("refused").contains("127.0.0.1");
        assertThat(post("unknown.test", "/x").problem()).contains("does not resolve");
        assertThat(receiver.drain()).isEmpty();
    }

    @Test
    void aRedirectIsAnsweredNotFollowed() {
        receiver.answer = r -> new Answer(307, "text/plain", "", Map.of("Location", "http://receiver.test:"
                + receiver.port() + "/landed"));

        var outcome = post("receiver.test", "/hop");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.status()).isEqualTo(307);
        assertThat(outcome.problem()).contains("redirects are not followed");
        assertThat(receiver.drain()).extracting(CallbackReceiver.Received::path).containsExactly("/hop");
    }
}
