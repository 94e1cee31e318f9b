package chat.clickclack.auth;

import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.Map;

/** The public side of signing in from the browser: which methods this server offers, and links by email. */
public final class SignInRoutes {
    record RequestLink(String email, String inviteToken) {}

    /** Said for every address, with or without an account: no account enumeration. */
    static final String SENT = "If that address may sign in here, a sign-in link is on its way. It works once, for 15 minutes.";

    private final EmailLinks emailLinks;
    private final boolean github;
    private final RateLimiter limiter;

    public SignInRoutes(EmailLinks emailLinks, boolean github, RateLimiter limiter) {
        this.emailLinks = emailLinks;
        this.github = github;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/auth/providers", this::providers);
        routes.post("/api/auth/magic/request", limiter.guard(Action.EMAIL_LINK_PER_IP, this::requestLink));
    }

    private void providers(Context ctx) {
        ctx.json(Map.of("github", github, "email", emailLinks.configured()));
    }

    private void requestLink(Context ctx) {
        var body = Bodies.read(ctx, RequestLink.class);
        var email = EmailLinks.normalize(body.email());
        if (emailLinks.configured()) {
            // Counted per address whether or not it has an account, so the limit itself tells nothing.
            limiter.take(Action.EMAIL_LINK_PER_ADDRESS, RateLimiter.Kind.HUMAN, email);
        }
        emailLinks.request(email, body.inviteToken());
        ctx.status(202).json(Map.of("message", SENT));
    }
}
