package org.integrationevidence.casestudy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The checks of a source's DOI, Handle and ISBN. */
class SourceIdentifiersUnitTest {

    @Test
    void isbnCheckDigitsAreChecked() {
        for (String valid : List.of("978-0-306-40615-7", "9780306406157", "978 0 306 40615 7", "0-306-40615-2", "0306406152",
                "0-8044-2957-X", "080442957x", "979-10-90636-07-1")) {
            assertTrue(Isbn.Validator.isValid(valid), valid);
        }
        for (String invalid : List.of("978-0-306-40615-8", "0-306-40615-3", "0-8044-2957-1", "978-0-306-40615", "97803064061577",
                "978--0-306-40615-7", "-9780306406157", "978-0-306-40615-7-", "ISBN 9780306406157", "978030640615X",
                "978٠306406157", "")) {
            assertFalse(Isbn.Validator.isValid(invalid), invalid);
        }
    }

    @Test
    void doisHaveTheirForm() {
        for (String valid : List.of("10.1093/jrs/fez095", "10.1000/182", "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI3>3.0.CO;2-O"
                .replace("<", "").replace(">", ""), "10.5555/12345678", "10.1000.10/abc[1]")) {
            assertTrue(valid.matches(SourceReference.DOI_PATTERN), valid);
        }
        for (String invalid : List.of("doi:10.1093/jrs/fez095", "https://doi.org/10.1093/jrs/fez095", "10.12/abc", "10.1093/",
                "10.1093/a b", "10.1093/a\"b", "10.1093/a<script>", "10.1093/a{b}", "10.1093/a\\b", "11.1093/abc")) {
            assertFalse(invalid.matches(SourceReference.DOI_PATTERN), invalid);
        }
    }

    @Test
    void handlesHaveTheirForm() {
        for (String valid : List.of("20.500.12345/6789", "1721.1/12345", "2027/mdp.39015012345678")) {
            assertTrue(valid.matches(SourceReference.HANDLE_PATTERN), valid);
        }
        for (String invalid : List.of("hdl:1721.1/12345", "https://hdl.handle.net/1721.1/1", "abc/123", "1721.1/", "1721.1/a b",
                "1721.1/a{b}")) {
            assertFalse(invalid.matches(SourceReference.HANDLE_PATTERN), invalid);
        }
    }
}
