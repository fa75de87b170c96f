package org.integrationevidence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The cap on list items, without the service: lists and sets, from text and from a tree (as a CSV import builds). */
class TooManyItemsUnitTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(TooManyItems.module(3));

    record Holder(Set<String> tags, List<String> names) {
    }

    @Test
    void aSetCountsTheItemsSentBeforeRepeatedOnesCollapse() throws Exception {
        String repeated = json.writeValueAsString(new Holder(null, null)).replace("\"tags\":null",
                "\"tags\":" + json.writeValueAsString(Collections.nCopies(4, "a")));
        assertThrows(TooManyItems.class, () -> json.readValue(repeated, Holder.class));
        JsonNode tree = json.readTree(repeated);
        assertThrows(TooManyItems.class, () -> json.treeToValue(tree, Holder.class));
        assertEquals(Set.of("a", "b"), json.readValue("{\"tags\":[\"a\",\"b\",\"a\"]}", Holder.class).tags());
        assertEquals(Set.of("a", "b"), json.treeToValue(json.readTree("{\"tags\":[\"a\",\"b\",\"a\"]}"), Holder.class).tags());
        assertEquals(Set.of(), json.readValue("{\"tags\":[]}", Holder.class).tags());
    }

    @Test
    void aListCountsItsItems() throws Exception {
        assertThrows(TooManyItems.class, () -> json.readValue("{\"names\":[\"a\",\"b\",\"c\",\"d\"]}", Holder.class));
        assertEquals(List.of("a", "b", "c"), json.readValue("{\"names\":[\"a\",\"b\",\"c\"]}", Holder.class).names());
        assertEquals(3, json.readValue("[[1],[2],[3]]", new TypeReference<Set<List<Integer>>>() { }).size());
    }
}
