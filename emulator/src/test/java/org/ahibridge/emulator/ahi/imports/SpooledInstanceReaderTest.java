package org.ahibridge.emulator.ahi.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import java.util.zip.CRC32;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameEncoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.codec.NativeSamples;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder.Tool;
import org.ahibridge.emulator.ahi.store.AhiStore;

/**
 * The spooled reader stores the same frames and describes them the same way as the in-memory reader.
 * Most tests keep frames as they come (a policy without encoder), so that the stored frames are the cut
 * ones; the transcoding tests use the installed codecs and decode what was stored.
 */
class SpooledInstanceReaderTest {

    private static final StoragePolicy KEEP = new StoragePolicy(LosslessFormat.HTJ2K, null, null);
    private final AhiStore store = AhiStore.inMemory();
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void shouldStoreEachNativeFrameAsLittleEndianBytesInEverySyntax(String syntax) throws Exception {
        SyntheticInstance instance = SyntheticInstance.nativePixels("2.25.1", 5, syntax, 7);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, KEEP);
        assertThat(storedFrames(spooled)).containsExactlyElementsOf(instance.frames());
        assertSameAsInMemory(spooled, instance.file());
    }

    @Test
    void shouldStoreASingleNativeFrame() throws Exception {
        SyntheticInstance instance = SyntheticInstance.nativePixels("2.25.2", 1, "1.2.840.10008.1.2.1", 8);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, KEEP);
        assertThat(storedFrames(spooled)).containsExactlyElementsOf(instance.frames());
        assertSameAsInMemory(spooled, instance.file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1 OB", "1.2.840.10008.1.2.2 OB", "1.2.840.10008.1.2.2 OW",
            "1.2.840.10008.1.2 OW"})
    void shouldCutPackedOneBitFramesAcrossByteBoundariesAsInMemory(String syntaxAndVr) throws Exception {
        String[] parts = syntaxAndVr.split(" ");
        SyntheticInstance instance = SyntheticInstance.packedBits("2.25.6", 3, 5, 7, VR.valueOf(parts[1]), parts[0], 12);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, KEEP);
        assertThat(storedFrames(spooled)).containsExactlyElementsOf(instance.frames());
        assertSameAsInMemory(spooled, instance.file());
    }

    @Test
    void shouldCutYbrFull422FramesAsInMemory() throws Exception {
        SyntheticInstance instance = SyntheticInstance.ybrFull422("2.25.7", 6, 10, 3, "1.2.840.10008.1.2.1", 13);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, KEEP);
        assertThat(storedFrames(spooled)).containsExactlyElementsOf(instance.frames());
        assertSameAsInMemory(spooled, instance.file());
    }

    @Test
    void shouldJoinTheFragmentsOfEachEncapsulatedFrameAsTheOffsetTableSays() throws Exception {
        SyntheticInstance instance = SyntheticInstance.encapsulated("2.25.3", 4, 3, 9);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, KEEP);
        assertThat(storedFrames(spooled)).containsExactlyElementsOf(instance.frames());
        assertThat(spooled.warning()).isNull();
        assertThat(spooled.storedTransferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.5");
        assertSameAsInMemory(spooled, instance.file());
    }

    @Test
    void shouldRejectACutObjectAndRemoveTheFramesItHadStored() throws Exception {
        AhiStore onDisk = AhiStore.persistent(temp.resolve("store"), 0);
        byte[] file = SyntheticInstance.nativePixels("2.25.4", 6, "1.2.840.10008.1.2.1", 10).file();
        Path cut = spool(Arrays.copyOf(file, file.length - 1000));
        assertThatThrownBy(() -> SpooledInstanceReader.read("k", cut, onDisk, KEEP))
                .isInstanceOf(InstanceReader.Rejected.class).hasMessageContaining("truncated");
        try (Stream<Path> frames = Files.walk(temp.resolve("store"))) {
            assertThat(frames.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void shouldRejectAnObjectWithoutTransferSyntaxInAhiWords() throws Exception {
        byte[] file = SyntheticInstance.nativePixels("2.25.5", 1, "1.2.840.10008.1.2.1", 11).file();
        // "1.2.840.10008.1.2.1" of (0002,0010) becomes another meta tag, (0002,0011).
        int at = indexOf(file, new byte[] {0x02, 0x00, 0x10, 0x00, 'U', 'I'});
        file[at + 2] = 0x11;
        assertThatThrownBy(() -> SpooledInstanceReader.read("k", spool(file), store, KEEP))
                .hasMessage("DICOM attribute TransferSyntaxUID does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void shouldTranscodeNativeFramesOneAtATimeAsInMemory(String syntax) throws Exception {
        StoragePolicy policy = StoragePolicy.forDatastore(null);
        Assumptions.assumeTrue(FrameCodecs.encoder(LosslessFormat.HTJ2K).isPresent(),
                FrameCodecs.encoderRequirement(LosslessFormat.HTJ2K) + " is not installed");
        Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
        SyntheticInstance instance = SyntheticInstance.nativePixels("2.25.8", 3, syntax, 14);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, policy);

        assertThat(spooled.storedTransferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.202");
        assertThat(spooled.checksumType()).isEqualTo("DECOMPRESSED");
        FrameLayout layout = FrameLayout.of(spooled.dataset());
        for (int i = 0; i < 3; i++) {
            byte[] stored = store.frame(spooled.frames().get(i).id());
            assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, stored)).as("frame %d", i + 1)
                    .isDeepEqualTo(NativeSamples.planes(instance.frames().get(i), layout));
            CRC32 crc = new CRC32();
            crc.update(instance.frames().get(i));
            assertThat(spooled.frames().get(i).checksum()).isEqualTo(crc.getValue());
        }
        assertSameAsInMemory(spooled, instance.file(), policy);
    }

    @Test
    void shouldTranscodeJpeg2000FramesOneAtATimeAsInMemory() throws Exception {
        StoragePolicy policy = StoragePolicy.forDatastore(null);
        FrameEncoder j2k = FrameCodecs.encoder(LosslessFormat.JPEG_2000).orElse(null);
        Assumptions.assumeTrue(j2k != null, FrameCodecs.encoderRequirement(LosslessFormat.JPEG_2000) + " is not installed");
        Assumptions.assumeTrue(FrameCodecs.encoder(LosslessFormat.HTJ2K).isPresent()
                && FrameCodecs.decoder().isPresent(), "ojph_compress or libopenjp2 is not installed");
        Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
        SyntheticInstance nativeSource = SyntheticInstance.nativePixels("2.25.10", 3, "1.2.840.10008.1.2.1", 16);
        FrameLayout layout = FrameLayout.monochrome(16, 24, 16, 16, false);
        List<byte[]> codestreams = new java.util.ArrayList<>();
        for (byte[] frame : nativeSource.frames()) {
            codestreams.add(j2k.encode(frame, layout));
        }
        byte[] file = SyntheticInstance.encapsulatedFrames("2.25.10", codestreams, "1.2.840.10008.1.2.4.90");
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(file), store, policy);

        assertThat(spooled.storedTransferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.202");
        assertThat(spooled.checksumType()).isEqualTo("DECOMPRESSED");
        for (int i = 0; i < 3; i++) {
            byte[] stored = store.frame(spooled.frames().get(i).id());
            assertThat(IndependentJ2kDecoder.mainHeaderHas(stored, 0xFF50)).as("HTJ2K").isTrue();
            assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, stored)).as("frame %d", i + 1)
                    .isDeepEqualTo(NativeSamples.planes(nativeSource.frames().get(i), layout));
        }
        assertSameAsInMemory(spooled, file, policy);
    }

    @Test
    void shouldKeepFramesItCannotTranscodeAndSaySoInTheMetadata() throws Exception {
        // The synthetic "RLE" frames are random bytes: decoding them fails, so they are stored as they came.
        FrameEncoder never = new FrameEncoder() {
            @Override
            public LosslessFormat format() {
                return LosslessFormat.HTJ2K;
            }

            @Override
            public byte[] encode(byte[] frame, FrameLayout layout) {
                throw new AssertionError("nothing decodes, so nothing is encoded");
            }
        };
        StoragePolicy policy = new StoragePolicy(LosslessFormat.HTJ2K, never, null);
        SyntheticInstance instance = SyntheticInstance.encapsulated("2.25.9", 3, 2, 15);
        PendingInstance spooled = SpooledInstanceReader.read("k", spool(instance.file()), store, policy);

        assertThat(storedFrames(spooled)).containsExactlyElementsOf(instance.frames());
        assertThat(spooled.storedTransferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.5");
        assertThat(spooled.checksumType()).isNull();
        assertSameAsInMemory(spooled, instance.file(), policy);
    }

    private void assertSameAsInMemory(PendingInstance spooled, byte[] file) throws Exception {
        assertSameAsInMemory(spooled, file, KEEP);
    }

    private void assertSameAsInMemory(PendingInstance spooled, byte[] file, StoragePolicy policy) throws Exception {
        PendingInstance inMemory = InstanceReader.read("k", file, AhiStore.inMemory(), policy);
        assertThat(spooled.frames()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .containsExactlyElementsOf(inMemory.frames());
        assertThat(spooled.dataset().get(Tags.PIXEL_DATA).vr()).isEqualTo(inMemory.dataset().get(Tags.PIXEL_DATA).vr());
        assertThat(spooled.dataset().getBytes(Tags.PIXEL_DATA)).isEmpty();
        assertThat(spooled.storedTransferSyntaxUid()).isEqualTo(inMemory.storedTransferSyntaxUid());
        assertThat(spooled.checksumType()).isEqualTo(inMemory.checksumType());
    }

    private List<byte[]> storedFrames(PendingInstance instance) {
        return instance.frames().stream().map(f -> store.frame(f.id())).toList();
    }

    private Path spool(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(temp, "spooled", ".dcm"), bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }
}
