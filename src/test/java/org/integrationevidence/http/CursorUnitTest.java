package org.integrationevidence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CursorUnitTest {

    private static final byte[] KEY = "a key shared by every instance".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another key".getBytes(StandardCharsets.UTF_8);
    private static final FieldError INVALID = new FieldError("cursor",
            "is not a cursor returned by this API for this request; start again without it");

    @Test
    void partsComeBackAsEncoded() {
        String cursor = Cursor.encode(KEY, "v1", "", "Malmö", "42");
        assertEquals(List.of("v1", "", "Malmö", "42"), Cursor.decode(KEY, cursor, 4));
    }

    @Test
    void aCursorIsTheBase64urlPayloadAndA128BitSignature() {
        String cursor = Cursor.encode(KEY, "a", "b");
        int dot = cursor.indexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
        assertEquals("a|b", new String(payload, StandardCharsets.UTF_8));
        assertEquals(16, Base64.getUrlDecoder().decode(cursor.substring(dot + 1)).length);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}"), cursor);
    }

    @Test
    void theSameKeyAndPartsGiveTheSameCursor() {
        assertEquals(Cursor.encode(KEY, "a", "1"), Cursor.encode(KEY.clone(), "a", "1"));
        assertNotEquals(Cursor.encode(KEY, "a", "1"), Cursor.encode(OTHER_KEY, "a", "1"));
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        assertInvalid(() -> Cursor.decode(KEY, Cursor.encode(OTHER_KEY, "a", "b"), 2));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String cursor = Cursor.encode(KEY, "a", "1");
        String signature = cursor.substring(cursor.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("a|2".getBytes(StandardCharsets.UTF_8));
        assertInvalid(() -> Cursor.decode(KEY, forged + signature, 2));
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String cursor = Cursor.encode(KEY, "a", "1");
        int first = cursor.indexOf('.') + 1;
        String tampered = cursor.substring(0, first) + (cursor.charAt(first) == 'A' ? 'B' : 'A')
                + cursor.substring(first + 1);
        assertInvalid(() -> Cursor.decode(KEY, tampered, 2));
        assertInvalid(() -> Cursor.decode(KEY, cursor.substring(0, cursor.length() - 2), 2));
    }

    @Test
    void aCursorWithAnotherNumberOfPartsIsRefused() {
        String cursor = Cursor.encode(KEY, "a", "b", "c");
        assertEquals(3, Cursor.decode(KEY, cursor, 3).size());
        assertInvalid(() -> Cursor.decode(KEY, cursor, 2));
        assertInvalid(() -> Cursor.decode(KEY, cursor, 4));
    }

    @Test
    void textThatIsNoCursorIsRefused() {
        String cursor = Cursor.encode(KEY, "a", "b");
        for (String text : List.of("", "abc", "." + cursor, cursor.replace('.', '!'), "a*b.c", cursor + ".x")) {
            assertInvalid(() -> Cursor.decode(KEY, text, 2));
        }
    }

    @Test
    void aCursorLongerThanTheMaximumIsRefused() {
        String longest = Cursor.encode(KEY, "a".repeat(1500));
        assertTrue(longest.length() <= Cursor.MAX_LENGTH);
        assertEquals(List.of("a".repeat(1500)), Cursor.decode(KEY, longest, 1));
        String tooLong = Cursor.encode(KEY, "a".repeat(1520));
        assertTrue(tooLong.length() > Cursor.MAX_LENGTH);
        assertInvalid(() -> Cursor.decode(KEY, tooLong, 1));
    }

    @Test
    void aPositionComesBackInItsScope() {
        String cursor = Cursor.position(KEY, "revisions/7", 12);
        assertEquals(12, Cursor.positionIn(KEY, cursor, "revisions/7"));
    }

    @Test
    void aPositionOfAnotherScopeIsRefused() {
        String cursor = Cursor.position(KEY, "revisions/7", 12);
        assertInvalid(() -> Cursor.positionIn(KEY, cursor, "revisions/8"));
        assertInvalid(() -> Cursor.positionIn(OTHER_KEY, cursor, "revisions/7"));
    }

    @Test
    void aSignedPositionThatIsNoNumberIsRefused() {
        assertInvalid(() -> Cursor.positionIn(KEY, Cursor.encode(KEY, "audit", "twelve"), "audit"));
        assertInvalid(() -> Cursor.positionIn(KEY, Cursor.encode(KEY, "audit", "1", "2"), "audit"));
    }

    @Test
    void invalidIsAValidationErrorOfTheCursorParameter() {
        ApiException e = Cursor.invalid();
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(400, e.type().status());
        assertEquals(List.of(INVALID), e.errors());
    }

    private static void assertInvalid(Runnable decoding) {
        ApiException e = assertThrows(ApiException.class, decoding::run);
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of(INVALID), e.errors());
    }
}
