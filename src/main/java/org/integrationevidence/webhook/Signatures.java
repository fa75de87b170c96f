package org.integrationevidence.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says (https://www.standardwebhooks.com/): a secret is {@code whsec_}
 * and the base64 of 24 random bytes; a signature is {@code v1,} and the base64 of the HMAC-SHA256, keyed with the
 * secret's bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}; the {@code webhook-signature} header lists one per
 * secret in use, space-separated (two while a rotation overlaps). Pure logic.
 */
final class Signatures {

    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;
    private static final int MESSAGE_ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret, {@code whsec_} and the base64 of 24 random bytes. */
    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** A new message id ({@code webhook-id}): {@code msg_} and 22 URL-safe characters of randomness. */
    static String newMessageId() {
        byte[] bytes = new byte[MESSAGE_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code webhook-signature} header's value: a signature per secret, in the order given. */
    static String header(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    /** The base64 HMAC-SHA256 of {@code id.timestamp.body} with the secret's key. */
    static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
