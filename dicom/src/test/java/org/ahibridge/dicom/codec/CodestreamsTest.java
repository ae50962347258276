package org.ahibridge.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The main-header edits on hand-built codestreams, byte by byte (ISO/IEC 15444-1 A.5.1, A.7.1, A.4.2). */
class CodestreamsTest {

    @Test
    void shouldListEveryTilePartInATlmMarkerSegmentBeforeTheFirstOne() throws Exception {
        byte[] body1 = {1, 2, 3, 4, 5, 6};
        byte[] body2 = {7, 8, 9};
        byte[] codestream = codestream(2, tilePart(0, body1, false), tilePart(1, body2, true));
        int firstSot = indexOf(codestream, 0xFF90);

        byte[] result = Codestreams.withTlm(codestream);

        assertThat(Arrays.copyOf(result, firstSot)).isEqualTo(Arrays.copyOf(codestream, firstSot));
        assertThat(Arrays.copyOfRange(result, firstSot, firstSot + 18)).containsExactly(
                0xFF, 0x55, 0, 16, 0, 0x60,          // TLM, Ltlm = 4 + 2 x 6, Ztlm 0, Stlm ST=2 SP=1
                0, 0, 0, 0, 0, 12 + 6,               // tile 0, Psot = SOT segment 12 + 6 bytes
                0, 1, 0, 0, 0, 12 + 3);              // tile 1, Psot 0 in the stream: runs to EOC
        assertThat(Arrays.copyOfRange(result, firstSot + 18, result.length))
                .isEqualTo(Arrays.copyOfRange(codestream, firstSot, codestream.length));
        assertThat(Codestreams.withTlm(result)).as("a second call keeps the one TLM").isEqualTo(result);
    }

    @Test
    void shouldSetTheSignBitOfEveryComponentAndNothingElse() throws Exception {
        byte[] codestream = codestream(3, tilePart(0, new byte[] {1}, false));
        byte[] result = Codestreams.markSigned(codestream);

        for (int c = 0; c < 3; c++) {
            assertThat(result[42 + 3 * c] & 0xFF).isEqualTo(0x80 | 11);
            result[42 + 3 * c] = codestream[42 + 3 * c];
        }
        assertThat(result).isEqualTo(codestream);
    }

    @Test
    void shouldRefuseWhatIsNotACodestreamOrHasImpossibleLengths() {
        assertThatThrownBy(() -> Codestreams.withTlm(new byte[] {0, 0, 0, 12}))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a JPEG 2000 codestream");
        byte[] noTiles = Arrays.copyOf(codestream(1), codestream(1).length - 2);
        assertThatThrownBy(() -> Codestreams.withTlm(noTiles))
                .isInstanceOf(CodecException.class).hasMessageContaining("no SOT marker");
        byte[] tooLong = codestream(1, tilePart(0, new byte[] {1, 2}, false));
        int sot = indexOf(tooLong, 0xFF90);
        tooLong[sot + 9] = 99;
        assertThatThrownBy(() -> Codestreams.withTlm(tooLong))
                .isInstanceOf(CodecException.class).hasMessageContaining("impossible length");
    }

    /** SOC, a SIZ of {@code components} 12-bit unsigned components, a COD, the tile-parts, EOC. */
    private static byte[] codestream(int components, byte[]... tileParts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
        int lsiz = 38 + 3 * components;
        out.write(lsiz >> 8);
        out.write(lsiz);
        out.writeBytes(new byte[34]); // Rsiz and the eight 32-bit sizes and offsets
        out.write(0);
        out.write(components);
        for (int c = 0; c < components; c++) {
            out.writeBytes(new byte[] {11, 1, 1});
        }
        out.writeBytes(new byte[] {(byte) 0xFF, 0x52, 0, 4, 0, 2});
        for (byte[] tilePart : tileParts) {
            out.writeBytes(tilePart);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** SOT (Isot, Psot, TPsot 0, TNsot 1), SOD, then the body; Psot 0 for a last tile-part that says so. */
    private static byte[] tilePart(int tile, byte[] body, boolean zeroLength) {
        int psot = zeroLength ? 0 : 12 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x90, 0, 10, 0, (byte) tile, 0, 0, 0, (byte) psot, 0, 1});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x93});
        out.writeBytes(Arrays.copyOf(body, body.length - 2 >= 0 ? body.length - 2 : 0));
        return pad(out.toByteArray(), 12 + body.length);
    }

    private static byte[] pad(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    private static int indexOf(byte[] data, int marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == marker >> 8 && (data[i + 1] & 0xFF) == (marker & 0xFF)) {
                return i;
            }
        }
        return -1;
    }
}
