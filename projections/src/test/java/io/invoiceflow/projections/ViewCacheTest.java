package io.invoiceflow.projections;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewCacheTest {
    private final Map<String, byte[]> store = new HashMap<>();
    private final AtomicInteger storeReads = new AtomicInteger();

    private byte[] read(String key) {
        storeReads.incrementAndGet();
        return store.get(key);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadTheStoreOnce_whenAKeyIsReadAgain() {
        // given
        ViewCache cache = ViewCache.ofBytes(1 << 20);
        store.put("a", bytes("one"));

        // when
        byte[] first = cache.get("a", this::read);
        byte[] second = cache.get("a", this::read);

        // then
        assertThat(second).isEqualTo(first).isEqualTo(bytes("one"));
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void shouldReadTheNewValue_whenTheKeyWasWrittenAfterItWasCached() {
        // given
        ViewCache cache = ViewCache.ofBytes(1 << 20);
        store.put("a", bytes("one"));
        cache.get("a", this::read);

        // when the fold writes it
        store.put("a", bytes("two"));
        cache.written("a");

        // then
        assertThat(cache.get("a", this::read)).isEqualTo(bytes("two"));
    }

    @Test
    void shouldNotCacheWhatItRead_whenAWriteCameBetweenTheReadAndTheInsert() {
        // given a read that returns the old value, and a write of the key that lands while it is on its way back
        ViewCache cache = ViewCache.ofBytes(1 << 20);
        store.put("a", bytes("old"));

        // when
        byte[] read = cache.get("a", key -> {
            byte[] old = read(key);
            store.put("a", bytes("new"));
            cache.written("a");
            return old;
        });

        // then that read answers what it read, and the next one reads the store again
        assertThat(read).isEqualTo(bytes("old"));
        assertThat(cache.get("a", this::read)).isEqualTo(bytes("new"));
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void shouldNotCacheWhatItRead_whenTheCacheWasClearedMeanwhile() {
        // given
        ViewCache cache = ViewCache.ofBytes(1 << 20);
        store.put("a", bytes("before the restore"));

        // when a task restarts while a read is on its way back
        cache.get("a", key -> {
            byte[] old = read(key);
            store.put("a", bytes("restored"));
            cache.clear();
            return old;
        });

        // then
        assertThat(cache.get("a", this::read)).isEqualTo(bytes("restored"));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void shouldNotCacheAbsentKeys_whenTheyAreRead() {
        // given
        ViewCache cache = ViewCache.ofBytes(1 << 20);

        // when
        assertThat(cache.get("missing", this::read)).isNull();
        store.put("missing", bytes("now here"));

        // then
        assertThat(cache.get("missing", this::read)).isEqualTo(bytes("now here"));
    }

    @Test
    void shouldStayWithinItsBytes_whenMoreIsReadThanItHolds() {
        // given room for about ten entries of 1,000 bytes
        ViewCache cache = ViewCache.ofBytes(11_500);
        for (int i = 0; i < 100; i++) {
            store.put("key-" + i, new byte[1000]);
        }

        // when
        for (int i = 0; i < 100; i++) {
            cache.get("key-" + i, this::read);
        }

        // then
        assertThat(cache.size()).isBetween(1L, 10L);
    }

    @Test
    void shouldAlwaysReadTheStore_whenCachingIsOff() {
        // given
        ViewCache cache = ViewCache.ofBytes(0);
        store.put("a", bytes("one"));

        // when
        cache.get("a", this::read);
        cache.get("a", this::read);

        // then
        assertThat(storeReads).hasValue(2);
        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> ViewCache.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
