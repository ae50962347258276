package org.ahibridge.exporting;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.ahi.AhiRetry;
import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.testing.DatasetDiff;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.GuardedBlobStore;
import org.ahibridge.storage.StorageRegistration;
import org.ahibridge.storage.StorageUris;
import org.ahibridge.storage.gcs.FakeGcs;
import org.ahibridge.storage.gcs.GcsBlobStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export from the emulator's AHI to a GCS bucket (the in-process fake) through the export flow's steps ({@link
 * FlowHarness}): every instance is written once under the template's key, reads back with the source's attributes
 * and pixel data, and a second run with {@code if-different} keeps every object, comparing sizes and MD5 versions
 * only (the destination is registered write-only, so it could not be read back).
 */
class GcsExportIT {

    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    static final Map<String, byte[]> SOURCES = new LinkedHashMap<>();
    @TempDir
    static Path temp;

    @BeforeAll
    static void importSamples() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (SampleInstance image : SampleStudies.instances(31, 2, 2, 3)) {
            byte[] bytes = image.toBytes();
            files.put(image.sopUid() + ".dcm", bytes);
            SOURCES.put(image.sopUid(), bytes);
        }
        ahi.importFiles(files);
    }


    @Test
    void shouldExportEveryInstanceToGcsThatReadsBackAsItsSource() throws Exception {
        FakeGcs gcs = new FakeGcs();
        // The export writes through a write-only guard; this test reads the bucket around it.
        BlobStore store = new GcsBlobStore(gcs.storage(), "export-bucket", "exports/");

        ExportReport first = export(store, OverwritePolicy.ALWAYS, "first");

        assertThat(first.counts()).containsEntry(Outcome.EXPORTED, SOURCES.size()).containsEntry(Outcome.FAILED, 0);
        List<BlobInfo> objects = store.list("", null, 1000).objects();
        assertThat(objects).hasSize(SOURCES.size());
        for (BlobInfo object : objects) {
            byte[] bytes;
            try (InputStream in = store.open(object.key())) {
                bytes = in.readAllBytes();
            }
            assertThat((long) bytes.length).isEqualTo(object.size());
            DicomFile copy = DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.full().withKnownSize(bytes.length));
            String sop = copy.dataset().getString(Tags.SOP_INSTANCE_UID);
            assertThat(object.key()).isEqualTo(copy.dataset().getString(Tags.STUDY_INSTANCE_UID) + "/"
                    + copy.dataset().getString(Tags.SERIES_INSTANCE_UID) + "/" + sop + ".dcm");
            byte[] source = SOURCES.get(sop);
            assertThat(source).as("a source for %s", object.key()).isNotNull();
            DicomFile original = DicomReader.read(new ByteArrayInputStream(source),
                    ReadOptions.full().withKnownSize(source.length));
            Attributes want = original.dataset().copy();
            Attributes got = copy.dataset().copy();
            want.remove(Tags.PIXEL_DATA);
            got.remove(Tags.PIXEL_DATA);
            assertThat(DatasetDiff.differences(want, got, false)).as(sop).isEmpty();
            // The samples are native: the emulator stores them as HTJ2K, which the export writes.
            assertThat(copy.transferSyntaxUid()).isEqualTo(ExportedPixels.expectedSyntax(original.transferSyntaxUid()));
            ExportedPixels.assertSamePixels(copy, Files.write(temp.resolve(sop + ".dcm"), source), 1);
        }

        ExportReport second = export(store, OverwritePolicy.IF_DIFFERENT, "second");

        assertThat(second.counts()).containsEntry(Outcome.SKIPPED_EXISTS, SOURCES.size())
                .containsEntry(Outcome.EXPORTED, 0);
        assertThat(store.list("", null, 1000).objects()).extracting(BlobInfo::version)
                .containsExactlyElementsOf(objects.stream().map(BlobInfo::version).toList());
    }

    private static ExportReport export(BlobStore store, OverwritePolicy policy, String run) throws IOException {
        StorageRegistration registration = new StorageRegistration("gcs-dest",
                StorageUris.parse("gs://export-bucket/exports/"), AccessMode.WRITE, null, false);
        ExportTarget target = new ExportTarget(new GuardedBlobStore(store, registration), "gcs-dest", "",
                PathTemplate.parse("{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm"), policy, "test",
                ahi.datastoreId);
        return FlowHarness.run(ahi.reader(AhiRetry.DEFAULT), target, FlowHarness.all(target.template(), policy),
                temp.resolve("audit-" + run));
    }
}
