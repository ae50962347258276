package org.ahibridge.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.dicom.TransferSyntax;

/**
 * Generates sample studies: {@code studies} studies of {@code series} series of {@code instances}
 * images each, cycling through Implicit VR Little Endian, Explicit VR Little Endian and Deflated
 * Explicit VR Little Endian (PS3.5 §10, A.5). UIDs are under the 2.25 root (PS3.5 §B.2), derived from a
 * seed so a given seed always yields the same instances.
 */
public final class SampleStudies {

    static final String[] SYNTAXES = {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};

    private SampleStudies() {
    }

    public static List<SampleInstance> instances(long seed, int studies, int series, int instances) {
        List<SampleInstance> all = new ArrayList<>(studies * series * instances);
        for (int st = 0; st < studies; st++) {
            String study = uid(seed, st, 0, 0);
            for (int se = 0; se < series; se++) {
                String seriesUid = uid(seed, st, se + 1, 0);
                for (int in = 0; in < instances; in++) {
                    all.add(new SampleInstance(study, seriesUid, uid(seed, st, se + 1, in + 1),
                            "SAMPLE-" + seed + "-" + st, se + 1, in + 1, SYNTAXES[(st + se + in) % SYNTAXES.length]));
                }
            }
        }
        return all;
    }

    /** A UID under 2.25 built from the seed and the position: unique per (seed, study, series, instance). */
    public static String uid(long seed, int study, int series, int instance) {
        return "2.25." + Math.abs(seed % 1_000_000_000L) + "1" + String.format("%06d%04d%06d", study, series, instance);
    }

    /** Writes the instances as {@code study-N/series-M/image-K.dcm} under {@code folder}; returns the files. */
    public static List<Path> write(Path folder, List<SampleInstance> instances) throws IOException {
        List<Path> files = new ArrayList<>(instances.size());
        for (SampleInstance instance : instances) {
            Path file = folder.resolve("series-" + instance.seriesNumber() + "-" + shortId(instance.seriesUid()))
                    .resolve("image-" + instance.instanceNumber() + ".dcm");
            Files.createDirectories(file.getParent());
            Files.write(file, instance.toBytes());
            files.add(file);
        }
        return files;
    }

    private static String shortId(String uid) {
        return uid.substring(Math.max(0, uid.length() - 12));
    }
}
