package org.ahibridge.emulator.ahi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SpillingBlobStoreTest {

    @Test
    void shouldKeepBlobsInMemoryUpToTheBudgetThenOnDiskUntilClosed() throws Exception {
        SpillingBlobStore store = new SpillingBlobStore(10);
        store.put("frames/a", new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(store.folder()).isNull();
        store.put("frames/b", new byte[] {7, 8, 9, 10, 11, 12});
        Path folder = store.folder();
        assertThat(folder).isNotNull();
        assertThat(folder.resolve("frames/b")).hasBinaryContent(new byte[] {7, 8, 9, 10, 11, 12});
        assertThat(store.get("frames/a")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(store.get("frames/b")).containsExactly(7, 8, 9, 10, 11, 12);
        assertThat(store.get("frames/c")).isNull();

        store.delete("frames/a");
        store.delete("frames/b");
        assertThat(store.get("frames/a")).isNull();
        assertThat(store.get("frames/b")).isNull();
        store.put("frames/c", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(folder.resolve("frames/c")).doesNotExist();

        store.put("frames/d", new byte[] {1});
        store.close();
        assertThat(Files.exists(folder)).isFalse();
        assertThat(store.get("frames/c")).isNull();
    }
}
