package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.storage.FileBlobStore;

class DestinationWriterTest {

    @TempDir
    Path temp;

    private DestinationWriter.Result put(OverwritePolicy policy, String content) throws IOException {
        DestinationWriter writer = new DestinationWriter(new FileBlobStore(temp.resolve("dest")), policy,
                temp.resolve("spool"));
        return writer.put("a/b.dcm", out -> out.write(content.getBytes(StandardCharsets.US_ASCII)));
    }

    private String stored() throws IOException {
        return Files.readString(temp.resolve("dest/a/b.dcm"));
    }

    @Test
    void shouldKeepAnExistingObjectWithNever() throws IOException {
        assertThat(put(OverwritePolicy.NEVER, "first").written()).isTrue();
        assertThat(put(OverwritePolicy.NEVER, "second").written()).isFalse();
        assertThat(stored()).isEqualTo("first");
    }

    @Test
    void shouldReplaceOnlyDifferentContentWithIfDifferent() throws IOException {
        put(OverwritePolicy.ALWAYS, "first");
        assertThat(put(OverwritePolicy.IF_DIFFERENT, "first").written()).as("same content").isFalse();
        assertThat(put(OverwritePolicy.IF_DIFFERENT, "fir5t").written()).as("same size, other bytes").isTrue();
        assertThat(stored()).isEqualTo("fir5t");
        assertThat(put(OverwritePolicy.IF_DIFFERENT, "longer content").written()).as("other size").isTrue();
    }

    @Test
    void shouldAlwaysReplaceWithAlwaysAndLeaveNoSpoolFiles() throws IOException {
        put(OverwritePolicy.ALWAYS, "first");
        assertThat(put(OverwritePolicy.ALWAYS, "first").written()).isTrue();
        try (var spool = Files.list(temp.resolve("spool"))) {
            assertThat(spool).isEmpty();
        }
    }

    @Test
    void shouldParsePolicyLabels() {
        assertThat(OverwritePolicy.parse("if-different")).isEqualTo(OverwritePolicy.IF_DIFFERENT);
        assertThat(OverwritePolicy.parse("Auto")).isEqualTo(OverwritePolicy.IF_DIFFERENT);
        assertThat(OverwritePolicy.IF_DIFFERENT.label()).isEqualTo("if-different");
    }
}
