package chat.clickclack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Contract;
import chat.clickclack.testing.TestServer;
import org.junit.jupiter.api.Test;

class ServedRoutesTest {
    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        try (var server = TestServer.start()) {
            var served = server.app().http().routes().stream().map(r -> r.method() + " " + r.path()).sorted().toList();
            var documented = Contract.get().routes().stream().map(r -> r.method() + " " + r.path()).sorted().toList();
            assertThat(served).as("served routes").containsExactlyInAnyOrderElementsOf(documented);
        }
    }
}
