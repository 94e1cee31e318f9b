package chat.clickclack.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.clickclack.http.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The callback safety rules: each address class, IPv6 forms, DNS answers (injected), allowed hosts. */
class CallbackGuardTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1           | a loopback address
            127.255.0.9         | a loopback address
            10.0.0.1            | a private address
            172.16.5.4          | a private address
            172.31.255.255      | a private address
            192.168.1.1         | a private address
            100.64.0.1          | a shared (CGNAT) address
            100.127.255.254     | a shared (CGNAT) address
            169.254.169.254     | a cloud metadata address
            169.254.10.10       | a link-local address
            0.0.0.0             | the unspecified address
            0.1.2.3             | a reserved address (0.0.0.0/8)
            224.0.0.1           | a multicast address
            239.255.255.250     | a multicast address
            255.255.255.255     | the broadcast address
            240.0.0.1           | a reserved address (240.0.0.0/4)
            198.18.0.1          | a benchmarking address (198.18.0.0/15)
            192.0.0.8           | a reserved address (192.0.0.0/24)
            ::1                 | a loopback address
            ::                  | the unspecified address
            fe80::1             | a link-local address
            fc00::1             | a private (unique local) address
            fd12:3456::1        | a private (unique local) address
            fd00:ec2::254       | a cloud metadata address
            ff02::1             | a multicast address
            ::ffff:127.0.0.1    | a loopback address
            ::ffff:10.1.1.1     | a private address
            ::ffff:169.254.169.254 | a cloud metadata address
            ::127.0.0.1         | a loopback address (embedded in an IPv6 address)
            64:ff9b::a00:1      | a private address (embedded in an IPv6 address)
            2002:c0a8:0101::1   | a private address (embedded in an IPv6 address)
            2130706433          | a loopback address
            """)
    void everyNonPublicAddressClassIsRefused(String address, String reason) throws Exception {
        assertThat(AddressRules.refusal(InetAddress.getByName(address))).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(AddressRules.refusal(InetAddress.getByName(address))).isEmpty();
    }

    /** A resolver answering from a table, as a DNS server the attacker controls might. */
    private static CallbackGuard.HostResolver dns(Map<String, List<String>> answers) {
        return host -> {
            var addresses = answers.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            var out = new java.util.ArrayList<InetAddress>();
            for (var a : addresses) {
                out.add(InetAddress.getByName(a));
            }
            return out;
        };
    }

    private static final CallbackGuard GUARD = new CallbackGuard(List.of("hooks.internal", "10.9.8.7"), dns(Map.of(
            "bots.example.com", List.of("93.184.216.34"),
            "mixed.example.com", List.of("93.184.216.34", "10.0.0.5"),
            "rebind.example.com", List.of("127.0.0.1"),
            "v6.example.com", List.of("2606:4700:4700::1111", "::ffff:192.168.0.10"),
            "hooks.internal", List.of("10.20.30.40"))));

    @Test
    void aPublicHostPassesAndItsCheckedAddressesAreTheOnesToConnectTo() throws Exception {
        assertThat(GUARD.requireSafe("url", "https://bots.example.com/deploy").getHost()).isEqualTo("bots.example.com");
        assertThat(GUARD.resolveChecked("bots.example.com")).containsExactly(InetAddress.getByName("93.184.216.34"));
    }

    @Test
    void aDnsAnswerMixingPublicAndPrivateAddressesIsRefusedWhole() {
        assertThatThrownBy(() -> GUARD.requireSafe("url", "https://mixed.example.com/x"))
                .isInstanceOf(ApiException.Invalid.class).hasMessageContaining("resolves to 10.0.0.5")
                .hasMessageContaining("a private address").hasMessageContaining("allowed_callback_hosts");
        assertThatThrownBy(() -> GUARD.resolveChecked("mixed.example.com")).isInstanceOf(CallbackGuard.Refused.class);
        assertThatThrownBy(() -> GUARD.resolveChecked("v6.example.com")).hasMessageContaining("192.168.0.10");
        assertThatThrownBy(() -> GUARD.resolveChecked("rebind.example.com")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> GUARD.resolveChecked("nowhere.example.com")).hasMessageContaining("does not resolve");
    }

    @Test
    void allowedHostsSkipTheAddressRulesByTheNameWrittenInTheUrl() throws Exception {
        assertThat(GUARD.requireSafe("url", "http://HOOKS.internal:8080/x").getPort()).isEqualTo(8080);
        assertThat(GUARD.resolveChecked("hooks.internal")).containsExactly(InetAddress.getByName("10.20.30.40"));
        assertThat(GUARD.requireSafe("url", "http://10.9.8.7/x").getHost()).isEqualTo("10.9.8.7");
        assertThatThrownBy(() -> GUARD.requireSafe("url", "http://10.9.8.6/x")).hasMessageContaining("private");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ftp://bots.example.com/x         | must be an http:// or https:// URL
            javascript:alert(1)              | must be an http:// or https:// URL
            /relative/path                   | must be an http:// or https:// URL
            https://user:pw@bots.example.com | must not carry a user name or password
            http:///nohost                   | must name a host
            http://[::1]/x                   | a loopback address
            http://0x7f000001/x              | does not resolve
            'http://bad host/'               | not a valid URL
            """)
    void malformedOrUnsafeUrlsAreRefusedAtRegistration(String url, String message) {
        assertThatThrownBy(() -> GUARD.requireSafe("url", url)).isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining(message);
    }

    @Test
    void theSignatureIsTheDocumentedHmac() {
        // HMAC-SHA256("ccs_key", "1700000000.{}"), computed independently with openssl.
        assertThat(Signatures.sign("ccs_key", 1_700_000_000L, "{}".getBytes()))
                .isEqualTo("sha256=a3d8afb38bbfcfa6e18e714402050c468239642417bc77da723b387bd24874da");
    }
}
