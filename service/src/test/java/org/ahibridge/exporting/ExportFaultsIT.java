package org.ahibridge.exporting;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.ahi.AhiRetry;
import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.GuardedBlobStore;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageRegistration;

/**
 * Acceptance 2 and 3 (issue 5): throttling and 5xx on GetImageFrame are retried, a permanent failure
 * is reported for its instance while the others export, a second run with {@code never} skips what
 * exists, and attribute values crafted to escape the destination never write outside it.
 */
@Requires(Dcmtk.class)
class ExportFaultsIT {

    static final AhiRetry FAST_RETRIES = new AhiRetry(6, Duration.ofMillis(1), Duration.ofMillis(10));
    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    @TempDir
    static Path temp;

    @BeforeAll
    static void importTwoInstances() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("mr.dcm", Files.readAllBytes(DcmtkCorpus.multiFrame()));
        files.put("crafted.dcm", crafted());
        ahi.importFiles(files);
    }


    @AfterEach
    void clearFaults() {
        if (ahi != null) {
            ahi.emulator.faults().clear();
        }
    }

    @Test
    void shouldRetryThrottlingAndServerErrorsOnGetImageFrame() throws IOException {
        ahi.emulator.faults().next("GetImageFrame", FaultInjector.Kind.THROTTLE, 5);
        // One frame at a time: the injected answers all hit the first frame, which needs its 6th attempt.
        ExportReport throttled = export("throttled", OverwritePolicy.NEVER, PathTemplate.defaultTemplate(), 1);
        ahi.emulator.faults().next("GetImageFrame", FaultInjector.Kind.ERROR, 3);
        ExportReport failing = export("errors", OverwritePolicy.NEVER, PathTemplate.defaultTemplate(), 1);

        assertThat(throttled.counts()).containsEntry(Outcome.EXPORTED, 2).containsEntry(Outcome.FAILED, 0);
        assertThat(failing.counts()).containsEntry(Outcome.EXPORTED, 2).containsEntry(Outcome.FAILED, 0);
        assertThat(throttled.frames()).isEqualTo(25);
    }

    @Test
    void shouldReportAPermanentFailurePerInstanceAndSkipWhatExistsOnTheNextRun() throws IOException {
        ahi.emulator.faults().next("GetImageFrame", FaultInjector.Kind.ERROR, FAST_RETRIES.maxAttempts());

        // One frame at a time, so that every injected error hits the same frame and uses up its attempts.
        ExportReport first = export("partial", OverwritePolicy.NEVER, PathTemplate.defaultTemplate(), 1);
        ExportReport second = export("partial", OverwritePolicy.NEVER, PathTemplate.defaultTemplate(), 1);

        assertThat(first.counts()).containsEntry(Outcome.EXPORTED, 1).containsEntry(Outcome.FAILED, 1);
        InstanceOutcome failed = first.outcomes().stream().filter(o -> o.outcome() == Outcome.FAILED).findFirst()
                .orElseThrow();
        assertThat(failed.reason()).contains("GetImageFrame").contains("InternalServerException");
        assertThat(failed.sopInstanceUid()).isNotNull();
        assertThat(second.counts()).containsEntry(Outcome.SKIPPED_EXISTS, 1).containsEntry(Outcome.EXPORTED, 1)
                .containsEntry(Outcome.FAILED, 0);
        String audit = Files.readString(Files.list(temp.resolve("audit-partial")).findFirst().orElseThrow());
        assertThat(audit.lines()).hasSize(4).anySatisfy(l -> assertThat(l).contains("\"outcome\":\"FAILED\"")
                .contains("InternalServerException")).anySatisfy(l -> assertThat(l).contains("\"SKIPPED_EXISTS\""));
        assertThat(audit).doesNotContain("EVIL^PATIENT");
    }

    @Test
    void shouldNeverWriteOutsideTheDestinationWhateverTheAttributeValues() throws IOException {
        Path root = temp.resolve("escape").resolve("dest");
        PathTemplate template = PathTemplate.parse("{StudyID}/{AccessionNumber}/{SeriesDescription}/{SOPInstanceUID}.dcm");

        ExportReport report = export("escape/dest", OverwritePolicy.ALWAYS, template);

        assertThat(report.counts()).containsEntry(Outcome.EXPORTED, 2);
        try (Stream<Path> all = Files.walk(temp.resolve("escape"))) {
            assertThat(all.filter(Files::isRegularFile).toList()).hasSize(2)
                    .allSatisfy(f -> assertThat(f.normalize().startsWith(root)).as(f.toString()).isTrue());
        }
        assertThat(report.outcomes()).extracting(InstanceOutcome::key).anySatisfy(key ->
                assertThat(key).startsWith("_.._.._x/_.._.._y/_etc_passwd_name_").doesNotContain("\u0001"));
    }

    private static ExportReport export(String dir, OverwritePolicy policy, PathTemplate template) {
        return export(dir, policy, template, 8);
    }

    private static ExportReport export(String dir, OverwritePolicy policy, PathTemplate template, int window) {
        Path folder = temp.resolve(dir);
        StorageRegistration registration = new StorageRegistration("dest", new StorageLocation(StorageProvider.FILE,
                null, folder.toString()), AccessMode.WRITE, null, true);
        ExportTarget target = new ExportTarget(new GuardedBlobStore(new FileBlobStore(folder), registration), "dest", "",
                template, policy, "test", ahi.datastoreId);
        return FlowHarness.run(ahi.reader(FAST_RETRIES), target, FlowHarness.all(template, policy),
                temp.resolve("audit-" + dir.replace('/', '-')), window);
    }

    /** The CT with values that try to leave the destination, in a study of its own. */
    static byte[] crafted() throws IOException {
        DicomFile ct = CorpusFiles.read(DcmtkCorpus.ctSlice());
        Attributes data = ct.dataset().copy();
        data.setString(Tags.STUDY_INSTANCE_UID, VR.UI, "2.25.9911");
        data.setString(Tags.SERIES_INSTANCE_UID, VR.UI, "2.25.9911.1");
        data.setString(Tags.SOP_INSTANCE_UID, VR.UI, "2.25.9911.1.1");
        data.setString(0x00200010, VR.SH, "../../x");
        data.setString(0x00080050, VR.SH, "..\\..\\y");
        data.setString(0x0008103E, VR.LO, "/etc/passwd\u0001name/../../z");
        data.setString(0x00100010, VR.PN, "EVIL^PATIENT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Attributes meta = ct.fileMeta().copy();
        meta.remove(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID);
        DicomWriter.write(out, meta, data, ct.transferSyntaxUid());
        return out.toByteArray();
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
