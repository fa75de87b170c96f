package org.integrationevidence.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignaturesUnitTest {

    /** The example of the Standard Webhooks reference libraries' tests (secret, id, timestamp, body, signature). */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsAsTheSpecificationsReferenceExample() {
        assertEquals(SIGNATURE, Signatures.header(List.of(SECRET), ID, TIMESTAMP, BODY));
    }

    @Test
    void duringARotationTheHeaderListsASignaturePerSecretSpaceSeparated() {
        String other = Signatures.newSecret();
        String header = Signatures.header(List.of(other, SECRET), ID, TIMESTAMP, BODY);
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(SIGNATURE, parts[1]);
        assertNotEquals(SIGNATURE, parts[0]);
    }

    @Test
    void secretsAreWhsecAnd24RandomBytesAndMessageIdsDiffer() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(Signatures.newSecret(), secret);
        assertTrue(Signatures.newMessageId().matches("msg_[A-Za-z0-9_-]{22}"));
        assertNotEquals(Signatures.newMessageId(), Signatures.newMessageId());
    }
}
