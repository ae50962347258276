package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.dicom.p10.CanaryFiles;
import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.FileBlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: objects whose printed attributes span the patient module go through the import's
 * classification and verdict recording; no canary may reach the ledger's reason or the audit lines.
 */
class PatientDataAuditTest {

    @TempDir
    Path temp;

    final Ledger ledger = new Ledger(LedgerDatabase.h2(true));

    @AfterEach
    void close() {
        ledger.database.close();
    }

    @Test
    void shouldAuditTheCanaryFilesWithoutTheirPatientData() throws IOException {
        FileBlobStore source = new FileBlobStore(temp.resolve("inbox"));
        List.of(CanaryFiles.sopInstanceUidOverrun(), CanaryFiles.transferSyntaxWithPatientData())
                .forEach(bytes -> source.write("canary-" + bytes.length + ".dcm", new ByteArrayInputStream(bytes),
                        bytes.length));
        BlobClassifier classifier = new BlobClassifier(new P10Classifier());
        ledger.runs.start("run-1", "inbox", "", "main");
        try (JsonLinesAuditSink audit = new JsonLinesAuditSink(temp.resolve("audit"))) {
            VerdictRecorder recorder = new VerdictRecorder(ledger.transitions,
                    new AuditedOutcomes(ledger.objects, ledger.transitions, audit, ledger.clock));
            for (var info : source.list("", null, 10).objects()) {
                SourceObject object = ledger.objects.discover("run-1", new ObjectVersion("inbox", info.key(),
                        info.version(), info.size(), Instant.EPOCH), "main").object();
                recorder.record(object.id(), classifier.classify(source, info.key(), info.size()));
            }
        }

        String lines;
        try (Stream<Path> files = Files.list(temp.resolve("audit"))) {
            lines = String.join("\n", files.map(PatientDataAuditTest::read).toList());
        }
        assertThat(lines.lines()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("\"reason\":\"INVALID_UID: SOPInstanceUID (0008,0018)"))
                .anySatisfy(l -> assertThat(l).contains("\"reason\":\"UNSUPPORTED_TRANSFER_SYNTAX: "));
        assertThat(lines).doesNotContain("CANARY");
        assertThat(ledger.runs.files("run-1")).allSatisfy(f -> assertThat(f.reason()).doesNotContain("CANARY"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
