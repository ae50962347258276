package org.ahibridge.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import org.ahibridge.dicom.p10.P10Bytes;
import org.junit.jupiter.api.Test;

/** Reader behaviour the classifier relies on, with hand-written bytes. */
class DicomReaderTest {

    private static DicomReader reader(byte[] bytes, ReadOptions options) {
        return new DicomReader(new ByteArrayInputStream(bytes), options);
    }

    @Test
    void shouldKeepOnlyRetainedTopLevelElementsAndTheirOffsets() throws IOException {
        byte[] bytes = P10Bytes.validHeader().header(0x00291020, "SQ", 0xFFFFFFFFL).item(0xFFFEE000, 0)
                .item(0xFFFEE0DD, 0).element(0x7FE00010, "OW", new byte[32]).bytes();
        DicomReader reader = reader(bytes, ReadOptions.header()).retainOnly(Set.of(Tags.SOP_INSTANCE_UID));

        reader.readPreamble();
        reader.readFileMeta();
        Attributes dataset = reader.readDataset("1.2.840.10008.1.2.1");

        assertThat(dataset.size()).isEqualTo(1);
        assertThat(dataset.getString(Tags.SOP_INSTANCE_UID)).isEqualTo("1.2.3.4.5.6");
        assertThat(reader.offsetOf(Tags.SOP_INSTANCE_UID)).isPositive();
        assertThat(reader.offsetOf(Tags.MODALITY)).isEqualTo(-1);
        assertThat(reader.offsetOf(Tags.TRANSFER_SYNTAX_UID)).isBetween(132L, 300L);
        assertThat(reader.pixelData().length()).isEqualTo(32);
    }

    @Test
    void shouldKeepWhatWasReadWhenTheDataSetIsCut() throws IOException {
        byte[] whole = P10Bytes.valid();
        DicomReader reader = reader(Arrays.copyOf(whole, whole.length - 40), ReadOptions.full());
        reader.readPreamble();
        reader.readFileMeta();

        assertThatThrownBy(() -> reader.readDataset("1.2.840.10008.1.2.1")).isInstanceOf(DicomParseException.class)
                .extracting(e -> ((DicomParseException) e).kind()).isEqualTo(DicomParseException.Kind.TRUNCATED);
        assertThat(reader.dataset().getString(Tags.SERIES_INSTANCE_UID)).isEqualTo("1.2.3.4.5.1");
    }

    @Test
    void shouldReportObjectEndingRightAfterDicmAsTruncated() {
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(new P10Bytes().preamble().bytes()),
                ReadOptions.full())).isInstanceOf(DicomParseException.class)
                .extracting(e -> ((DicomParseException) e).kind()).isEqualTo(DicomParseException.Kind.TRUNCATED);
    }

    @Test
    void shouldReportNestingDeeperThanTheLimitAsMalformed() {
        P10Bytes bytes = P10Bytes.validHeader();
        for (int i = 0; i < 5; i++) {
            bytes.header(0x00291020, "SQ", 0xFFFFFFFFL).item(0xFFFEE000, 0xFFFFFFFFL);
        }

        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(bytes.bytes()),
                ReadOptions.full().withMaxDepth(3))).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("deeper than 3")
                .extracting(e -> ((DicomParseException) e).kind()).isEqualTo(DicomParseException.Kind.MALFORMED);
    }
}
