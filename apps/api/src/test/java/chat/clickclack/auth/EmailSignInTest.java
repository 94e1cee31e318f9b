package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in links by email against a real SMTP server (GreenMail, on a random port, with a login): the
 * request, the mail as it arrives, and following its link as a browser would.
 */
class EmailSignInTest {
    private static final Pattern LINK = Pattern.compile("(http://\\S+/app/login\\?token=\\S+)");

    static GreenMail smtp;
    static TestServer server;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("mailer@reef.test", "mailer", "s3cret pass");
        smtp.start();
        server = TestServer.start(settings(Map.of()));
    }

    static Map<String, String> settings(Map<String, String> extra) {
        var settings = new HashMap<String, String>();
        settings.put("dev", "false");
        settings.put("smtp_url", "smtp://mailer:s3cret%20pass@127.0.0.1:" + smtp.getSmtp().getPort());
        settings.put("smtp_from", "ClickClack <chat@reef.test>");
        settings.putAll(extra);
        return settings;
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    @BeforeEach
    void emptyInboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    /** Waits (on GreenMail's own condition, no sleeps) for exactly {@code count} mails. */
    private static MimeMessage[] mails(int count) {
        assertThat(smtp.waitForIncomingEmail(10_000, count)).as("%d mail(s) arrived", count).isTrue();
        return smtp.getReceivedMessages();
    }

    private static String linkIn(MimeMessage mail) {
        var matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(matcher.find()).as("a sign-in link in %s", GreenMailUtil.getBody(mail)).isTrue();
        return matcher.group(1);
    }

    private static String query(String link, String name) {
        for (var pair : URI.create(link).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void theServerSaysEmailSignInIsOffered() {
        var providers = server.anonymous().get("/api/auth/providers");
        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.json().get("email").asBoolean()).isTrue();
        assertThat(providers.json().get("github").asBoolean()).isFalse();
    }

    @Test
    void aKnownAddressGetsAOneTimeLinkThatSignsTheBrowserIn() throws Exception {
        var ari = server.newUser("Ari");

        var asked = server.anonymous().post("/api/auth/magic/request", Map.of("email", ari.email().toUpperCase()));

        assertThat(asked.status()).isEqualTo(202);
        var mail = mails(1)[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(ari.email());
        assertThat(mail.getFrom()[0].toString()).contains("chat@reef.test");
        var link = linkIn(mail);
        assertThat(link).startsWith(server.url() + "/app/login?token=ccm_");
        // Following the link: the web page consumes its token for a cookie session.
        var token = query(link, "token");
        var signedIn = server.anonymous().post("/api/auth/magic/consume", Map.of("token", token, "credential", "cookie"));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.at("/user/id").asText()).isEqualTo(ari.id());
        var browser = server.anonymous().withHeader("Cookie", "cc_session=" + SignInTest.cookieSecret(signedIn));
        assertThat(browser.get("/api/me").at("/user/id").asText()).isEqualTo(ari.id());
        assertThat(server.anonymous().post("/api/auth/magic/consume", Map.of("token", token)).status())
                .as("the link works once").isEqualTo(401);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        var known = server.newUser("Known");
        var forKnown = server.anonymous().post("/api/auth/magic/request", Map.of("email", known.email()));
        mails(1);
        smtp.purgeEmailFromAllMailboxes();

        var forNobody = server.anonymous().post("/api/auth/magic/request", Map.of("email", "nobody@reef.test"));

        assertThat(forNobody.status()).isEqualTo(forKnown.status());
        assertThat(forNobody.body()).isEqualTo(forKnown.body());
        // A sentinel mail to a known address sent after it: once it is in, the unknown one would be too.
        server.anonymous().post("/api/auth/magic/request", Map.of("email", known.email()));
        var arrived = mails(1);
        assertThat(arrived).hasSize(1);
        Optional<User> nobody = server.app().database().read(c -> UserStore.byEmail(c, "nobody@reef.test"));
        assertThat(nobody).as("no account was created").isEmpty();
    }

    @Test
    void anInviteeWithoutAnAccountSignsUpByEmailAndJoins() throws Exception {
        var owner = server.newUser("Owner");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Mail Reef"));
        var workspaceId = created.at("/workspace/id").asText();
        var invite = owner.api().post("/api/workspaces/" + workspaceId + "/invites", Map.of("max_uses", 1));
        assertThat(invite.status()).isEqualTo(201);
        var inviteToken = invite.text("token");

        var asked = server.anonymous().post("/api/auth/magic/request",
                Map.of("email", "newcomer@reef.test", "invite_token", inviteToken));

        assertThat(asked.status()).isEqualTo(202);
        var link = linkIn(mails(1)[0]);
        assertThat(query(link, "invite")).isEqualTo(inviteToken);
        var signedIn = server.anonymous().post("/api/auth/magic/consume", Map.of("token", query(link, "token")));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.at("/user/display_name").asText()).isEqualTo("newcomer");
        var newcomer = server.bearer(signedIn.text("token"));
        var joined = newcomer.post("/api/invites/" + inviteToken + "/accept", null);
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.at("/workspace/id").asText()).isEqualTo(workspaceId);
        assertThat(server.anonymous().get("/api/invites/" + inviteToken).status())
                .as("its one use is spent").isEqualTo(410);
    }

    @Test
    void aDisabledAccountGetsNoLink() throws Exception {
        var gone = server.newUser("Gone");
        server.app().database().write(tx -> Accounts.disable(tx, gone.id()));

        var asked = server.anonymous().post("/api/auth/magic/request", Map.of("email", gone.email()));
        var sentinel = server.newUser("Sentinel");
        server.anonymous().post("/api/auth/magic/request", Map.of("email", sentinel.email()));

        assertThat(asked.status()).isEqualTo(202);
        var arrived = mails(1);
        assertThat(arrived).hasSize(1);
        assertThat(GreenMailUtil.getAddressList(arrived[0].getAllRecipients())).isEqualTo(sentinel.email());
    }

    @Test
    void requestsAreLimitedPerAddressAndPerClientAddress() {
        try (var limited = TestServer.start(settings(Map.of("rate_email_link_address", "2/1h",
                "rate_email_link_ip", "4/1h")))) {
            var a = limited.newUser("Limited");
            for (int i = 0; i < 2; i++) {
                assertThat(limited.anonymous().post("/api/auth/magic/request", Map.of("email", a.email())).status())
                        .isEqualTo(202);
            }
            var third = limited.anonymous().post("/api/auth/magic/request", Map.of("email", a.email()));
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            // the address limit counts addresses without accounts the same way
            assertThat(limited.anonymous().post("/api/auth/magic/request", Map.of("email", "x@reef.test")).status())
                    .isEqualTo(202);
            // the fourth request from this IP used its last token; the fifth is refused whatever the address
            assertThat(limited.anonymous().post("/api/auth/magic/request", Map.of("email", "y@reef.test")).status())
                    .isEqualTo(429);
        }
    }

    @Test
    void withoutSmtpTheRequestSays501AndHowToSignInInstead() {
        try (var plain = TestServer.start(Map.of("dev", "false"))) {
            var answer = plain.anonymous().post("/api/auth/magic/request", Map.of("email", "a@reef.test"));
            assertThat(answer.status()).isEqualTo(501);
            assertThat(answer.error()).contains("smtp_url").contains("clickclack admin magic-link create");
            assertThat(plain.anonymous().get("/api/auth/providers").json().get("email").asBoolean()).isFalse();
        }
    }
}
