package org.ahibridge.emulator.ahi.imports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.ahibridge.emulator.ahi.store.AhiStore;

class InstanceReaderTest {

    private final AhiStore store = AhiStore.inMemory();

    @Test
    void shouldRejectAFileWithoutTransferSyntaxWithTheAhiMessage() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        // (0002,0002) UI "1.2" only: a meta header without Transfer Syntax UID.
        file.writeBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2).putShort((short) 2)
                .put((byte) 'U').put((byte) 'I').putShort((short) 4).put("1.2\0".getBytes(StandardCharsets.US_ASCII))
                .array());
        assertThatThrownBy(() -> InstanceReader.read("k", file.toByteArray(), store, StoragePolicy.forDatastore(null)))
                .isInstanceOf(InstanceReader.Rejected.class)
                .hasMessage("DICOM attribute TransferSyntaxUID does not exist");
    }

    @Test
    void shouldRejectAnObjectThatIsNotPart10() {
        assertThatThrownBy(() -> InstanceReader.read("k", "plain text".getBytes(StandardCharsets.UTF_8), store,
                StoragePolicy.forDatastore(null)))
                .isInstanceOf(InstanceReader.Rejected.class).hasMessageContaining("not a DICOM Part 10 file");
    }
}
