package org.ahibridge.dicom.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes a JPEG 2000 or HTJ2K codestream with a command-line decoder that shares no code with the
 * project's: OpenJPEG's {@code opj_decompress} (Debian package {@code libopenjp2-tools}) or OpenJPH's
 * {@code ojph_expand} (package {@code openjph-tools}). Both write raw planar samples; the component
 * precision and signedness come from the codestream's SIZ marker segment, read here.
 */
public final class IndependentJ2kDecoder {

    /** The two decoders, each with the Debian package a skipped test names. */
    public enum Tool {
        OPJ_DECOMPRESS("opj_decompress", "libopenjp2-tools", "rawl"),
        OJPH_EXPAND("ojph_expand", "openjph-tools", "yuv");

        private final String command;
        private final String debianPackage;
        private final String extension;

        Tool(String command, String debianPackage, String extension) {
            this.command = command;
            this.debianPackage = debianPackage;
            this.extension = extension;
        }

        public boolean installed() {
            return ExternalTool.installed(command);
        }

        /** The reason a test gives when it skips for want of this tool. */
        public String missing() {
            return command + " is not installed (Debian package " + debianPackage + ")";
        }
    }

    private IndependentJ2kDecoder() {
    }

    /**
     * The samples of each component, signed ones sign-extended. ojph_expand 0.9 writes unsigned samples
     * only: use it for unsigned codestreams.
     */
    public static int[][] decode(Tool tool, byte[] codestream) throws IOException {
        Path dir = Files.createTempDirectory("independent-j2k");
        try {
            Path in = dir.resolve("frame.j2c");
            Path out = dir.resolve("frame." + tool.extension);
            Files.write(in, codestream);
            ExternalTool.Result result = ExternalTool.run(tool.command, "-i", in.toString(), "-o", out.toString());
            if (result.exitCode() != 0 || !Files.exists(out)) {
                throw new IOException(tool.command + " failed (" + result.exitCode() + "): " + result.stdout()
                        + result.stderr());
            }
            return samples(Files.readAllBytes(out), Siz.of(codestream));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static int[][] samples(byte[] raw, Siz siz) throws IOException {
        int[][] planes = new int[siz.precision.length][];
        int position = 0;
        for (int c = 0; c < planes.length; c++) {
            int count = siz.width * siz.height;
            int bytes = siz.precision[c] > 8 ? 2 : 1;
            if (position + count * bytes > raw.length) {
                throw new IOException("the decoder wrote " + raw.length + " bytes, too few for component " + c);
            }
            planes[c] = new int[count];
            int mask = (1 << siz.precision[c]) - 1;
            for (int i = 0; i < count; i++) {
                int value = raw[position] & 0xFF;
                if (bytes == 2) {
                    value |= (raw[position + 1] & 0xFF) << 8;
                }
                position += bytes;
                value &= mask;
                if (siz.signed[c] && value >= 1 << (siz.precision[c] - 1)) {
                    value -= 1 << siz.precision[c];
                }
                planes[c][i] = value;
            }
        }
        return planes;
    }

    /** The image size and each component's precision and signedness, from a codestream's SIZ (ISO 15444-1 A.5.1). */
    public record Siz(int width, int height, int[] precision, boolean[] signed) {

        public static Siz of(byte[] codestream) throws IOException {
            if (codestream.length < 45 || u16(codestream, 0) != 0xFF4F || u16(codestream, 2) != 0xFF51) {
                throw new IOException("not a codestream starting with SOC and SIZ");
            }
            int width = (int) (u32(codestream, 8) - u32(codestream, 16));
            int height = (int) (u32(codestream, 12) - u32(codestream, 20));
            int components = u16(codestream, 40);
            int[] precision = new int[components];
            boolean[] signed = new boolean[components];
            for (int c = 0; c < components; c++) {
                int ssiz = codestream[42 + 3 * c] & 0xFF;
                precision[c] = (ssiz & 0x7F) + 1;
                signed[c] = (ssiz & 0x80) != 0;
            }
            return new Siz(width, height, precision, signed);
        }
    }

    /** True when the main header (up to the first SOT) has this marker, e.g. 0xFF50 CAP or 0xFF55 TLM. */
    public static boolean mainHeaderHas(byte[] codestream, int marker) {
        int position = 2;
        while (position + 4 <= codestream.length) {
            int found = u16(codestream, position);
            if (found == marker) {
                return true;
            }
            if (found == 0xFF90) {
                return false;
            }
            position += 2 + u16(codestream, position + 2);
        }
        return false;
    }

    /** The progression order of the COD marker segment (0 LRCP, 1 RLCP, 2 RPCL, 3 PCRL, 4 CPRL), or -1. */
    public static int progressionOrder(byte[] codestream) {
        int position = 2;
        while (position + 6 <= codestream.length) {
            int found = u16(codestream, position);
            if (found == 0xFF52) {
                return codestream[position + 5] & 0xFF;
            }
            if (found == 0xFF90) {
                return -1;
            }
            position += 2 + u16(codestream, position + 2);
        }
        return -1;
    }

    /** The multiple component transformation flag of the COD marker segment (1: the reversible transform). */
    public static int multipleComponentTransform(byte[] codestream) {
        int position = 2;
        while (position + 9 <= codestream.length) {
            int found = u16(codestream, position);
            if (found == 0xFF52) {
                return codestream[position + 8] & 0xFF;
            }
            if (found == 0xFF90) {
                return -1;
            }
            position += 2 + u16(codestream, position + 2);
        }
        return -1;
    }

    private static int u16(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    }

    private static long u32(byte[] data, int offset) {
        return ((long) u16(data, offset) << 16) | u16(data, offset + 2);
    }
}
