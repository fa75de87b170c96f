package org.integrationevidence.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Small in-memory reuse maps kept under a size without the bookkeeping of an LRU: when a map is full, one entry is
 * dropped before a new key goes in. The entries reused are the hot ones, and a dropped hot entry comes back at its
 * next read, so which one goes matters little; a caller can name the entries to drop first (stale ones).
 */
public final class BoundedMaps {

    private BoundedMaps() {
    }

    /** Puts {@code value}, first dropping one entry when {@code map} already holds {@code max} other keys. */
    public static <K, V> void put(ConcurrentMap<K, V> map, K key, V value, int max) {
        put(map, key, value, max, stale -> false);
    }

    /** As {@link #put(ConcurrentMap, Object, Object, int)}, dropping an entry whose value is {@code stale} if any. */
    public static <K, V> void put(ConcurrentMap<K, V> map, K key, V value, int max, Predicate<V> stale) {
        if (map.size() >= max && !map.containsKey(key)) {
            map.entrySet().stream().filter(entry -> stale.test(entry.getValue())).map(Map.Entry::getKey).findFirst()
                    .or(() -> map.keySet().stream().findFirst())
                    .ifPresent(map::remove);
        }
        map.put(key, value);
    }
}
