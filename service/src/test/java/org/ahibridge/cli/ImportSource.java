package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.FileMetaInformation;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A mixed import source and what each object must end with: compliant images in three transfer syntaxes
 * under nested prefixes with spaces and non-ASCII characters, text files, truncated and empty files, a
 * DICOMDIR, and a series re-sent with another Patient ID (which AHI puts in a non-primary image set).
 */
final class ImportSource {

    enum Expect { IMPORTED, NON_PRIMARY, NOT_P10 }

    final Map<String, byte[]> objects = new LinkedHashMap<>();
    final Map<String, Expect> expected = new LinkedHashMap<>();
    final Map<String, String> reasons = new LinkedHashMap<>();

    /** Creates the bucket and uploads every object to it, eight at a time; returns the bucket name. */
    String uploadTo(software.amazon.awssdk.services.s3.S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(8);
        try {
            pool.submit(() -> objects.entrySet().parallelStream().forEach(e -> s3.putObject(
                    b -> b.bucket(bucket).key(e.getKey()),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(e.getValue())))).join();
        } finally {
            pool.shutdown();
        }
        return bucket;
    }

    /**
     * Asserts a run report's {@code fileOutcomes}: one entry per object of this source, compliant files
     * IMPORTED with an image set id and the expected {@code isPrimary}, the others SKIPPED_NOT_P10 with
     * their reason.
     */
    void assertReportMatches(JsonNode report) {
        List<String> seen = new ArrayList<>();
        for (JsonNode file : report.get("fileOutcomes")) {
            String key = file.get("key").asText();
            seen.add(key);
            Expect expect = expected.get(key);
            assertThat(expect).as(key).isNotNull();
            if (expect == Expect.NOT_P10) {
                assertThat(file.get("outcome").asText()).as(key)
                        .isEqualTo("SKIPPED_NOT_P10");
                assertThat(file.get("reason").asText()).as(key)
                        .startsWith(reasons.get(key));
            } else {
                assertThat(file.get("outcome").asText()).as(key).isEqualTo("IMPORTED");
                assertThat(file.get("imageSetId").asText()).as(key)
                        .matches("[0-9a-f]{32}");
                assertThat(file.get("isPrimary").asBoolean()).as(key)
                        .isEqualTo(expect == Expect.IMPORTED);
            }
        }
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(objects.keySet());
    }

    static ImportSource mixed(long seed, int studies, int series, int instances, int junk) {
        ImportSource source = new ImportSource();
        String[] prefixes = {"2024/ü nested/", "deep/a/b c/", "plain/"};
        List<SampleInstance> images = SampleStudies.instances(seed, studies, series, instances);
        for (SampleInstance image : images) {
            int study = Integer.parseInt(image.studyUid().substring(image.studyUid().length() - 16,
                    image.studyUid().length() - 10));
            String key = prefixes[study % prefixes.length] + "study " + study + "/série " + image.seriesNumber()
                    + "/img " + image.instanceNumber() + ".dcm";
            source.add(key, image.toBytes(), Expect.IMPORTED, null);
        }
        byte[] sample = images.get(0).toBytes();
        for (int i = 0; i < junk; i++) {
            source.add("junk/notes " + i + ".txt", ("not DICOM " + i).getBytes(StandardCharsets.UTF_8), Expect.NOT_P10,
                    "NO_P10_HEADER");
            source.add("junk/truncated-" + i + ".dcm", Arrays.copyOf(sample, sample.length - 1 - i), Expect.NOT_P10, "TRUNCATED");
            source.add("junk/empty-" + i + ".dcm", new byte[0], Expect.NOT_P10, "EMPTY");
        }
        source.add("media/DICOMDIR", dicomdir(seed), Expect.NOT_P10, "MEDIA_DIRECTORY");
        // The first study's first series again, new instances, another Patient ID: a non-primary image set.
        SampleInstance first = images.get(0);
        for (int i = 0; i < 3; i++) {
            SampleInstance conflicting = new SampleInstance(first.studyUid(), first.seriesUid(),
                    SampleStudies.uid(seed, 0, 900, i), "OTHER-PATIENT", first.seriesNumber(), 900 + i,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            source.add("zz conflict/img " + i + ".dcm", conflicting.toBytes(), Expect.NON_PRIMARY, null);
        }
        return source;
    }

    private void add(String key, byte[] content, Expect expect, String reason) {
        objects.put(key, content);
        expected.put(key, expect);
        if (reason != null) {
            reasons.put(key, reason);
        }
    }

    long count(Expect expect) {
        return expected.values().stream().filter(e -> e == expect).count();
    }

    private static byte[] dicomdir(long seed) {
        Attributes dataset = new Attributes();
        dataset.setString(0x00041130, VR.CS, "SAMPLE");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(out, FileMetaInformation.of("1.2.840.10008.1.3.10", SampleStudies.uid(seed, 999, 0, 0),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
