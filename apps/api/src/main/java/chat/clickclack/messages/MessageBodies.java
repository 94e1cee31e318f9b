package chat.clickclack.messages;

import chat.clickclack.http.ApiException;

/** What a message body and a client nonce may be. */
public final class MessageBodies {
    public static final int MAX_BODY_LENGTH = 40_000;
    public static final int MAX_NONCE_LENGTH = 128;

    private MessageBodies() {}

    public static String require(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException.Invalid("body must not be empty");
        }
        if (body.codePointCount(0, body.length()) > MAX_BODY_LENGTH) {
            throw new ApiException.Invalid("body must be at most " + MAX_BODY_LENGTH + " characters");
        }
        return body;
    }

    public static String nonce(String nonce) {
        if (nonce == null) {
            return null;
        }
        if (nonce.isBlank() || nonce.length() > MAX_NONCE_LENGTH) {
            throw new ApiException.Invalid("nonce must be 1-" + MAX_NONCE_LENGTH + " characters");
        }
        return nonce;
    }
}
