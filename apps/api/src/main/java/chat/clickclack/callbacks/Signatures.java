package chat.clickclack.callbacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How every callback is signed, so a receiver can tell it came from this server and was not replayed much
 * later: {@code X-ClickClack-Timestamp: <unix seconds>} and
 * {@code X-ClickClack-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, the key being the
 * secret's UTF-8 bytes. Receivers compare in constant time and refuse old timestamps (5 minutes is usual).
 */
public final class Signatures {
    public static final String TIMESTAMP_HEADER = "X-ClickClack-Timestamp";
    public static final String SIGNATURE_HEADER = "X-ClickClack-Signature";

    private Signatures() {}

    /** {@code sha256=…} for this body sent at {@code timestampSeconds}. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
