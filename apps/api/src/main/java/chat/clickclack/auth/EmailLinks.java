package chat.clickclack.auth;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.users.Profiles;
import chat.clickclack.users.UserStore;
import chat.clickclack.workspaces.Invites;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sign-in links by email. The answer is the same whether or not the address has an account, and the mail
 * is sent after the answer (see {@link Mailer}), so neither the body nor the timing tells who has one.
 *
 * <p>Who gets a link: the user with this email (unless disabled); an address without an account only with
 * a usable invite, which creates the account (named after the address, renamable later) so that an
 * invitee can join by email. Anyone else gets the same answer and no mail. Links point at the configured
 * public URL (or the address the server listens on), never at the request's Host header: otherwise anyone
 * could have a victim mailed a valid link to a host of their choosing.
 */
public final class EmailLinks {
    public static final String NOT_CONFIGURED = "email sign-in is not configured on this server (an admin sets smtp_url"
            + " and smtp_from); until then an admin can print a sign-in link with: clickclack admin magic-link create --email ADDRESS";

    private final Database db;
    private final Mailer mailer;
    private final Supplier<String> baseUrl;

    /** {@code mailer} null: email sign-in is off (501). */
    public EmailLinks(Database db, Mailer mailer, Supplier<String> baseUrl) {
        this.db = db;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    public boolean configured() {
        return mailer != null;
    }

    /**
     * Plain addresses only: no display names, quotes, commas or angle brackets, so an address can never be
     * read as a list of recipients or as mail headers.
     */
    private static final Pattern MAILABLE =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    /** The address as it will be counted and looked up; 400 when it is not one we can mail. */
    public static String normalize(String email) {
        var normalized = Profiles.requireEmail(email);
        if (normalized.length() > 254 || !MAILABLE.matcher(normalized).matches()) {
            throw new ApiException.Invalid("a valid email address is required, such as ari@example.com");
        }
        return normalized;
    }

    /** Mails a link when the address may sign in; otherwise does nothing, and looks the same to the caller. */
    public void request(String email, String inviteToken) {
        if (mailer == null) {
            throw new SignInErrors.NotConfigured(NOT_CONFIGURED);
        }
        var invite = inviteToken == null || inviteToken.isBlank() ? null : inviteToken.strip();
        record Link(String token, boolean forInvite) {}
        var link = db.write(tx -> {
            var c = tx.connection();
            var user = UserStore.byEmail(c, email);
            var usableInvite = invite != null && Invites.usable(c, invite).isPresent();
            String userId;
            if (user.isPresent()) {
                if (Accounts.disabled(c, user.get().id())) {
                    return null;
                }
                userId = user.get().id();
            } else if (usableInvite) {
                userId = Profiles.findOrCreate(c, nameOf(email), email).id();
            } else {
                return null;
            }
            return new Link(MagicLinks.issue(tx, userId), usableInvite);
        });
        if (link == null) {
            return;
        }
        var url = baseUrl.get() + "/app/login?token=" + link.token()
                + (link.forInvite() ? "&invite=" + URLEncoder.encode(invite, StandardCharsets.UTF_8) : "");
        mailer.send(email, "Your ClickClack sign-in link", """
                Hello,

                open this link to sign in to ClickClack:

                %s

                It works once, within %d minutes. If you did not ask for it, ignore this mail: nobody can sign in
                with it but the person who opens it.
                """.formatted(url, MagicLinks.TTL.toMinutes()));
    }

    /** "ada.lovelace@example.com" → "ada.lovelace": a display name until the person picks their own. */
    private static String nameOf(String email) {
        var local = email.substring(0, email.indexOf('@'));
        return local.length() > 80 ? local.substring(0, 80) : local;
    }
}
