package org.integrationevidence.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The bound: a full map drops one entry, a stale one if there is any, before a new key goes in. */
class BoundedMapsUnitTest {

    /** Keys of a full map of three that the tests put again or make stale, one at a time. */
    private static final List<String> EACH_KEY = List.of("a", "b", "c");

    @Test
    void belowTheBoundNothingIsDropped() {
        ConcurrentMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("a", 1));
        BoundedMaps.put(map, "b", 2, 3);
        BoundedMaps.put(map, "c", 3, 3);
        assertEquals(Map.of("a", 1, "b", 2, "c", 3), map);
    }

    @Test
    void aFullMapDropsOneEntryForANewKey() {
        ConcurrentMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("a", 1, "b", 2, "c", 3));
        BoundedMaps.put(map, "d", 4, 3);
        assertEquals(3, map.size());
        assertEquals(4, map.get("d"));
        assertEquals(2, EACH_KEY.stream().filter(map::containsKey).count());
    }

    @Test
    void aKeyPutAgainInAFullMapDropsNothing() {
        for (String again : EACH_KEY) {
            ConcurrentMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("a", 1, "b", 2, "c", 3));
            BoundedMaps.put(map, again, 9, 3);
            assertEquals(3, map.size(), again);
            assertEquals(9, map.get(again));
        }
    }

    @Test
    void aFullMapDropsAStaleEntryFirst() {
        for (String stale : EACH_KEY) {
            ConcurrentMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("a", 1, "b", 2, "c", 3));
            map.put(stale, -1);
            BoundedMaps.put(map, "d", 4, 3, value -> value < 0);
            assertEquals(3, map.size(), stale);
            assertTrue(map.keySet().containsAll(EACH_KEY.stream().filter(key -> !key.equals(stale)).toList()), stale);
            assertEquals(4, map.get("d"));
        }
    }

    @Test
    void aFullMapWithoutStaleEntriesDropsAnother() {
        ConcurrentMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("a", 1, "b", 2, "c", 3));
        BoundedMaps.put(map, "d", 4, 3, value -> value < 0);
        assertEquals(3, map.size());
        assertEquals(4, map.get("d"));
    }

    @Test
    void aMapFilledOneByOneStaysAtItsBound() {
        ConcurrentMap<Integer, Integer> map = new ConcurrentHashMap<>();
        IntStream.range(0, 1000).forEach(i -> BoundedMaps.put(map, i, i, 10));
        assertEquals(10, map.size());
        assertEquals(999, map.get(999));
    }
}
