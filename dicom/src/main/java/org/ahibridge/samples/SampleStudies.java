package org.ahibridge.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * @throws IllegalArgumentException when a count is negative or exceeds what {@link #uid} can number
     *                                  uniquely (999,999 studies, 9,999 series, 999,999 instances)
     */
    public static List<SampleInstance> instances(long seed, int studies, int series, int instances) {
        requireRange("--studies", studies, 999_999);
        requireRange("--series", series, 9_999);
        requireRange("--instances", instances, 999_999);
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

    private static void requireRange(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " must be 0 to " + max + ", not " + value);
        }
    }

    /** A UID under 2.25 built from the seed and the position: unique per (seed, study, series, instance). */
    public static String uid(long seed, int study, int series, int instance) {
        return "2.25." + Math.abs(seed % 1_000_000_000L) + "1" + String.format("%06d%04d%06d", study, series, instance);
    }

    /**
     * Writes the instances as {@code study-<study UID>/series-<series UID>/image-<instance number>.dcm}
     * under {@code folder}; returns the files, one per distinct SOP instance. Folder names carry the whole
     * UID: a shortened one repeats once there are more than a hundred studies, and files would silently
     * overwrite each other. Two instances that would still share a path (same series and instance number,
     * other SOP Instance UID) get the SOP Instance UID in the file name instead.
     */
    public static List<Path> write(Path folder, List<SampleInstance> instances) throws IOException {
        List<Path> files = new ArrayList<>(instances.size());
        Map<Path, String> written = new HashMap<>();
        for (SampleInstance instance : instances) {
            Path series = folder.resolve("study-" + instance.studyUid()).resolve("series-" + instance.seriesUid());
            Path file = series.resolve("image-" + instance.instanceNumber() + ".dcm");
            String owner = written.putIfAbsent(file, instance.sopUid());
            if (owner != null && !owner.equals(instance.sopUid())) {
                file = series.resolve("image-" + instance.instanceNumber() + "-" + instance.sopUid() + ".dcm");
                written.put(file, instance.sopUid());
            } else if (owner != null) {
                continue; // the same SOP instance twice: one file
            }
            Files.createDirectories(file.getParent());
            Files.write(file, instance.toBytes());
            files.add(file);
        }
        return files;
    }
}
