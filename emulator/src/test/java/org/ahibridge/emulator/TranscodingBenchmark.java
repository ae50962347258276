package org.ahibridge.emulator;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.LosslessStorageFormat;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameEncoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.emulator.junit.EmulatorClients;

/**
 * How much transcoding costs an import job: 100 single-frame CT-like slices (512 x 512, 12 of 16 bits,
 * a smooth disc with noise) imported into an HTJ2K and a JPEG 2000 data store, against 100 slices of
 * the same size that are stored as they come (YBR_FULL_422, 512 x 1024 bytes a frame). Also the
 * encoders alone on one slice. Not a test: run it with
 * {@code mvn -pl emulator -am test -Dtest=TranscodingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TranscodingBenchmark {

    static final int SLICES = 100;
    static final int SIZE = 512;

    @Test
    void measureImportJobsWithAndWithoutTranscoding() throws Exception {
        byte[][] ct = new byte[SLICES][];
        byte[][] kept = new byte[SLICES][];
        for (int i = 0; i < SLICES; i++) {
            ct[i] = slice(i, false);
            kept[i] = slice(i, true);
        }
        FrameLayout layout = FrameLayout.monochrome(SIZE, SIZE, 16, 12, false);
        byte[] pixels = pixels(7);
        for (LosslessFormat format : LosslessFormat.values()) {
            FrameEncoder encoder = FrameCodecs.encoder(format).orElseThrow();
            encoder.encode(pixels, layout);
            long start = System.nanoTime();
            int size = 0;
            for (int i = 0; i < 20; i++) {
                size = encoder.encode(pixels, layout).length;
            }
            System.out.printf("encoder %s alone: %.1f ms per 512x512x16 frame, %d bytes of %d%n", format,
                    (System.nanoTime() - start) / 20 / 1e6, size, pixels.length);
        }
        try (Emulator emulator = Emulator.start(EmulatorConfig.ephemeral().withoutSqs());
                MedicalImagingClient ahi = EmulatorClients.medicalImaging(emulator.endpoints());
                S3Client s3 = EmulatorClients.s3(emulator.endpoints())) {
            s3.createBucket(b -> b.bucket("bench"));
            for (int i = 0; i < SLICES; i++) {
                int n = i;
                s3.putObject(b -> b.bucket("bench").key("ct/" + n + ".dcm"), RequestBody.fromBytes(ct[n]));
                s3.putObject(b -> b.bucket("bench").key("kept/" + n + ".dcm"), RequestBody.fromBytes(kept[n]));
            }
            for (int run = 0; run < 2; run++) {
                String ht = ahi.createDatastore(b -> b.datastoreName("ht")).datastoreId();
                String j2k = ahi.createDatastore(b -> b.datastoreName("j2k")
                        .losslessStorageFormat(LosslessStorageFormat.JPEG_2000_LOSSLESS)).datastoreId();
                report(run, "CT, HTJ2K store", time(ahi, ht, "ct/"));
                report(run, "CT, JPEG 2000 store", time(ahi, j2k, "ct/"));
                report(run, "same size, stored as it came", time(ahi, ht, "kept/"));
            }
        }
    }

    private static void report(int run, String what, long millis) {
        System.out.printf("run %d, %s: %d ms for %d frames, %.1f ms per frame%n", run + 1, what, millis, SLICES,
                (double) millis / SLICES);
    }

    private static long time(MedicalImagingClient ahi, String datastoreId, String prefix) {
        long start = System.nanoTime();
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("bench")
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://bench/" + prefix).outputS3Uri("s3://bench/out/")).jobId();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> ahi.getDICOMImportJob(
                b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A disc of soft tissue in air with noise, 12 bits in 16. */
    private static byte[] pixels(long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[SIZE * SIZE * 2];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double r = Math.hypot(x - SIZE / 2.0, y - SIZE / 2.0);
                int value = (r < 200 ? 1040 + (int) (20 * Math.sin(x / 9.0) * Math.cos(y / 13.0)) : 24)
                        + random.nextInt(24);
                pixels[2 * (y * SIZE + x)] = (byte) value;
                pixels[2 * (y * SIZE + x) + 1] = (byte) (value >> 8);
            }
        }
        return pixels;
    }

    private static byte[] slice(int index, boolean keptAsItCame) throws IOException {
        Attributes data = new Attributes();
        data.setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        data.setString(Tags.SOP_INSTANCE_UID, VR.UI, "2.25.8800" + (keptAsItCame ? 1 : 2) + "." + index);
        data.setString(Tags.STUDY_INSTANCE_UID, VR.UI, "2.25.8800" + (keptAsItCame ? 1 : 2));
        data.setString(Tags.SERIES_INSTANCE_UID, VR.UI, "2.25.8800" + (keptAsItCame ? 1 : 2) + ".1");
        data.setInts(Tags.ROWS, VR.US, SIZE);
        data.setInts(Tags.COLUMNS, VR.US, SIZE);
        if (keptAsItCame) {
            data.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 3);
            data.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "YBR_FULL_422");
            data.setInts(Tags.PLANAR_CONFIGURATION, VR.US, 0);
            data.setInts(Tags.BITS_ALLOCATED, VR.US, 8);
            data.setInts(Tags.BITS_STORED, VR.US, 8);
            data.setInts(Tags.HIGH_BIT, VR.US, 7);
            data.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
            data.setBytes(Tags.PIXEL_DATA, VR.OB, pixels(index));
        } else {
            data.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1);
            data.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
            data.setInts(Tags.BITS_ALLOCATED, VR.US, 16);
            data.setInts(Tags.BITS_STORED, VR.US, 12);
            data.setInts(Tags.HIGH_BIT, VR.US, 11);
            data.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
            data.setBytes(Tags.PIXEL_DATA, VR.OW, pixels(index));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, data, "1.2.840.10008.1.2.1");
        return out.toByteArray();
    }
}
