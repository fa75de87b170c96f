package org.integrationevidence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The examples of RFC 7396, appendix A: target, patch and result. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            {"a":"b"}                | {"a":"c"}                    | {"a":"c"}
            {"a":"b"}                | {"b":"c"}                    | {"a":"b","b":"c"}
            {"a":"b"}                | {"a":null}                   | {}
            {"a":"b","b":"c"}        | {"a":null}                   | {"b":"c"}
            {"a":["b"]}              | {"a":"c"}                    | {"a":"c"}
            {"a":"c"}                | {"a":["b"]}                  | {"a":["b"]}
            {"a":{"b":"c"}}          | {"a":{"b":"d","c":null}}     | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}        | {"a":[1]}                    | {"a":[1]}
            ["a","b"]                | ["c","d"]                    | ["c","d"]
            {"a":"b"}                | ["c"]                        | ["c"]
            {"a":"foo"}              | null                         | null
            {"a":"foo"}              | "bar"                        | "bar"
            {"e":null}               | {"a":1}                      | {"e":null,"a":1}
            [1,2]                    | {"a":"b","c":null}           | {"a":"b"}
            {}                       | {"a":{"bb":{"ccc":null}}}    | {"a":{"bb":{}}}
            """)
    void appliesAsRfc7396Says(String target, String patch, String result) throws Exception {
        assertEquals(JSON.readTree(result), MergePatch.apply(JSON.readTree(target), JSON.readTree(patch)));
    }

    @Test
    void theTargetIsNotChanged() throws Exception {
        JsonNode target = JSON.readTree("{\"a\":{\"b\":\"c\"},\"d\":1}");
        JsonNode copy = target.deepCopy();
        JsonNode patched = MergePatch.apply(target, JSON.readTree("{\"a\":{\"b\":null,\"x\":2},\"d\":null}"));
        assertEquals(copy, target);
        assertEquals(JSON.readTree("{\"a\":{\"x\":2}}"), patched);
    }

    @Test
    void anObjectPatchOfNoTargetBuildsAnObject() throws Exception {
        JsonNode patch = JSON.readTree("{\"a\":{\"b\":1},\"c\":null}");
        assertEquals(JSON.readTree("{\"a\":{\"b\":1}}"), MergePatch.apply(null, patch));
    }

    @Test
    void aPatchThatIsNotAnObjectIsTheResult() throws Exception {
        JsonNode patch = JSON.readTree("[1]");
        assertSame(patch, MergePatch.apply(JSON.readTree("{\"a\":1}"), patch));
    }

    @Test
    void membersKeepTheirOrderAndNewOnesComeLast() throws Exception {
        JsonNode patched = MergePatch.apply(JSON.readTree("{\"b\":1,\"a\":2}"), JSON.readTree("{\"c\":3,\"b\":4}"));
        assertEquals("{\"b\":4,\"a\":2,\"c\":3}", JSON.writeValueAsString(patched));
    }
}
