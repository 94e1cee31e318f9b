package chat.clickclack.auth;

import chat.clickclack.http.ApiException;

/** Sign-in failures with statuses the generic set lacks: a method not configured here, or GitHub unreachable. */
public final class SignInErrors {
    private SignInErrors() {}

    /** 501: this server was not set up for this sign-in method; the message says what an admin must set. */
    public static final class NotConfigured extends ApiException {
        public NotConfigured(String message) {
            super(501, message);
        }
    }

    /** 502: the identity provider did not answer as it should. */
    public static final class ProviderFailed extends ApiException {
        public ProviderFailed(String message) {
            super(502, message);
        }
    }
}
