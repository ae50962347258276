package org.ahibridge.dicom.testing;

import java.io.IOException;
import java.io.OutputStream;

/** The three base objects of {@link DcmtkCorpus}: their dcmtk dump text and their pixel bytes. */
enum BaseObject {
    CT(512, 512, 16, 12, 1, 1, "CT", "1.2.840.10008.5.1.4.1.1.2", "MONOCHROME2"),
    MR_MULTIFRAME(256, 256, 16, 16, 1, 24, "MR", "1.2.840.10008.5.1.4.1.1.4.1", "MONOCHROME2"),
    SC_RGB(128, 128, 8, 8, 3, 1, "OT", "1.2.840.10008.5.1.4.1.1.7", "RGB");

    private final int rows;
    private final int columns;
    private final int bitsAllocated;
    private final int bitsStored;
    private final int samplesPerPixel;
    private final int frames;
    private final String modality;
    private final String sopClassUid;
    private final String photometric;

    BaseObject(int rows, int columns, int bitsAllocated, int bitsStored, int samplesPerPixel, int frames,
            String modality, String sopClassUid, String photometric) {
        this.rows = rows;
        this.columns = columns;
        this.bitsAllocated = bitsAllocated;
        this.bitsStored = bitsStored;
        this.samplesPerPixel = samplesPerPixel;
        this.frames = frames;
        this.modality = modality;
        this.sopClassUid = sopClassUid;
        this.photometric = photometric;
    }

    /** Deterministic gradients, different per frame, within Bits Stored. */
    void writePixels(OutputStream out) throws IOException {
        byte[] row = new byte[columns * samplesPerPixel * (bitsAllocated / 8)];
        int max = (1 << bitsStored) - 1;
        for (int frame = 0; frame < frames; frame++) {
            for (int y = 0; y < rows; y++) {
                int i = 0;
                for (int x = 0; x < columns; x++) {
                    for (int s = 0; s < samplesPerPixel; s++) {
                        int value = (x * 3 + y * 5 + frame * 7 + s * 50) & max;
                        row[i++] = (byte) value;
                        if (bitsAllocated == 16) {
                            row[i++] = (byte) (value >>> 8);
                        }
                    }
                }
                out.write(row);
            }
        }
    }

    String dump(String rawFile) {
        int n = ordinal() + 1;
        String root = "2.25.74330000000000000000000" + n;
        StringBuilder dump = new StringBuilder();
        dump.append("(0002,0010) UI =LittleEndianExplicit\n")
                .append("(0008,0005) CS [ISO_IR 100]\n")
                .append("(0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]\n")
                .append("(0008,0016) UI [").append(sopClassUid).append("]\n")
                .append("(0008,0018) UI [").append(root).append(".3]\n")
                .append("(0008,0020) DA [20240105]\n")
                .append("(0008,0030) TM [101010]\n")
                .append("(0008,0050) SH [ACC").append(n).append("]\n")
                .append("(0008,0060) CS [").append(modality).append("]\n")
                .append("(0008,0064) CS [WSD]\n")
                .append("(0008,0070) LO [Corpus Maker]\n")
                .append("(0008,1030) LO [Corpus study ").append(n).append("]\n")
                .append("(0008,1140) SQ (Sequence with undefined length #=1)\n")
                .append("(fffe,e000) na (Item with undefined length #=2)\n")
                .append("(0008,1150) UI [").append(sopClassUid).append("]\n")
                .append("(0008,1155) UI [").append(root).append(".9]\n")
                .append("(fffe,e00d) na (ItemDelimitationItem)\n")
                .append("(fffe,e0dd) na (SequenceDelimitationItem)\n")
                .append("(0010,0010) PN [Corpus^Patient").append(n).append("]\n")
                .append("(0010,0020) LO [PID-").append(n).append("]\n")
                .append("(0010,0030) DA [19700101]\n")
                .append("(0010,0040) CS [O]\n")
                .append("(0018,0050) DS [1.25]\n")
                .append("(0020,000d) UI [").append(root).append("]\n")
                .append("(0020,000e) UI [").append(root).append(".2]\n")
                .append("(0020,0010) SH [S").append(n).append("]\n")
                .append("(0020,0011) IS [").append(n).append("]\n")
                .append("(0020,0013) IS [1]\n")
                .append("(0020,0020) CS [L\\P]\n")
                .append("(0020,0032) DS [0\\0\\0]\n")
                .append("(0020,0037) DS [1\\0\\0\\0\\1\\0]\n")
                .append("(0028,0002) US ").append(samplesPerPixel).append("\n")
                .append("(0028,0004) CS [").append(photometric).append("]\n");
        if (samplesPerPixel > 1) {
            dump.append("(0028,0006) US 0\n");
        }
        if (frames > 1) {
            dump.append("(0028,0008) IS [").append(frames).append("]\n");
            dump.append("(0028,0009) AT (0018,1063)\n");
            dump.append("(0018,1063) DS [33.3]\n");
        }
        dump.append("(0028,0010) US ").append(rows).append("\n")
                .append("(0028,0011) US ").append(columns).append("\n")
                .append("(0028,0030) DS [0.5\\0.5]\n")
                .append("(0028,0100) US ").append(bitsAllocated).append("\n")
                .append("(0028,0101) US ").append(bitsStored).append("\n")
                .append("(0028,0102) US ").append(bitsStored - 1).append("\n")
                .append("(0028,0103) US 0\n");
        if (samplesPerPixel == 1) {
            dump.append("(0028,1050) DS [40]\n(0028,1051) DS [400]\n")
                    .append("(0028,1052) DS [0]\n(0028,1053) DS [1]\n");
        }
        dump.append("(0029,0010) LO [AHIBRIDGE TEST]\n")
                .append("(0029,1010) OB 01\\02\\03\\04\n")
                .append("(0029,1011) LO [private text]\n")
                .append("(7fe0,0010) ").append(bitsAllocated > 8 ? "OW" : "OB").append(" =").append(rawFile).append("\n");
        return dump.toString();
    }
}
