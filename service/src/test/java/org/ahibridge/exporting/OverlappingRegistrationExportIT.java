package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, access modes through a parent URI on export: with {@code file:data/ro-dest} registered
 * read-only, {@code export --destination file:data --template "ro-dest/{SOPInstanceUID}.dcm"} used to
 * write into it. Now every key the template expands to is checked against every registration it lands
 * in: such an instance is FAILED with a reason naming the registration, and nothing is written there.
 */
class OverlappingRegistrationExportIT {

    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    static String sopUid;

    @TempDir
    static Path temp;

    @BeforeAll
    static void importOneInstance() throws IOException {
        SampleInstance image = SampleStudies.instances(1102, 1, 1, 1).get(0);
        sopUid = image.sopUid();
        ahi.importFiles(Map.of("image.dcm", image.toBytes()));
    }

    @Test
    void shouldRefuseEveryTemplateKeyThatLandsInAReadOnlyRegistration() throws IOException {
        Path data = Files.createDirectories(temp.resolve("refused").resolve("data"));
        Path readOnly = Files.createDirectories(data.resolve("ro-dest"));
        Path alias = Files.createSymbolicLink(temp.resolve("refused").resolve("alias"), data);
        Path config = config(temp.resolve("refused"), readOnly);

        List<EmulatedAhi.Run> runs = List.of(
                export(config, "file:" + data, "ro-dest/{SOPInstanceUID}.dcm"),
                export(config, "file:" + data + "/", "ro-dest/{SOPInstanceUID}.dcm"),
                export(config, "file:" + data + "/./x/..", "ro-dest/{SOPInstanceUID}.dcm"),
                export(config, "file:" + alias, "ro-dest/{SOPInstanceUID}.dcm"),
                export(config, "file:" + data, "RO-DEST/{SOPInstanceUID}.dcm"),
                export(config, "file:" + data, "ro-dest/sub/{SOPInstanceUID}.dcm"));

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).as(run.stderr()).isZero();
            assertThat(run.count("FAILED")).isEqualTo(1);
            assertThat(run.count("EXPORTED")).isZero();
        });
        assertThat(files(readOnly)).isEmpty();
        assertThat(files(data)).isEmpty();
        String audit = auditOf(temp.resolve("refused"));
        assertThat(audit.lines()).hasSize(runs.size()).allSatisfy(line -> assertThat(line)
                .contains("\"outcome\":\"FAILED\"").contains("storage 'ro-dest' is registered read-only"));
    }

    @Test
    void shouldStillWriteBesideTheReadOnlyRegistration() throws IOException {
        Path data = Files.createDirectories(temp.resolve("allowed").resolve("data"));
        Path readOnly = Files.createDirectories(data.resolve("ro-dest"));
        Path config = config(temp.resolve("allowed"), readOnly);

        EmulatedAhi.Run run = export(config, "file:" + data, "ro-dest-copy/{SOPInstanceUID}.dcm");

        assertThat(run.count("EXPORTED")).as(run.stderr()).isEqualTo(1);
        assertThat(data.resolve("ro-dest-copy").resolve(sopUid + ".dcm")).isRegularFile();
        assertThat(files(readOnly)).isEmpty();
    }

    @Test
    void shouldRefuseADestinationInsideTheReadOnlyRegistrationBeforeAnyDataMoves() throws IOException {
        Path data = Files.createDirectories(temp.resolve("inside").resolve("data"));
        Path readOnly = Files.createDirectories(data.resolve("ro-dest"));
        Path config = config(temp.resolve("inside"), readOnly);

        EmulatedAhi.Run run = export(config, "file:" + data + "/ro-dest/../ro-dest/deeper", "{SOPInstanceUID}.dcm");

        // A refused destination is a configuration error, exit 2, as for import.
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).contains("storage 'ro-dest'").contains("read-only");
        assertThat(files(data)).isEmpty();
    }

    /** The emulated datastore readable, and {@code ro-dest} registered read-only. */
    private static Path config(Path dir, Path readOnly) throws IOException {
        Path file = ahi.config(dir, "read");
        Files.writeString(file, Files.readString(file) + String.join("\n",
                "  storages:",
                "    ro-dest:",
                "      location: \"file:" + readOnly + "\"",
                "      access: read",
                ""));
        return file;
    }

    private static EmulatedAhi.Run export(Path config, String destination, String template) {
        return EmulatedAhi.export("--datastore", "test", "--destination", destination, "--template", template,
                "--once", "--config", config.toString(), "--overwrite", "always");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static String auditOf(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir.resolve("audit"))) {
            StringBuilder text = new StringBuilder();
            for (Path file : all.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                text.append(Files.readString(file));
            }
            return text.toString();
        }
    }
}
