package org.ahibridge.exporting;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.storage.testing.Azurite;
import org.ahibridge.storage.testing.AzuriteInstalled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;

/**
 * {@code export} from the emulator to an Azure container in Azurite: the blobs hold the same bytes as
 * an export of the same datastore to a folder, a second run with {@code if-different} writes nothing, and
 * a read-only Azure registration is refused as a destination before any data moves. Credentials reach the
 * bridge as {@code AZURE_STORAGE_CONNECTION_STRING}, here a system property of that name.
 */
@Requires(AzuriteInstalled.class)
class AzureExportIT {

    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    static Azurite azurite;
    static BlobContainerClient exports;
    static Path config;
    @TempDir
    static Path temp;

    @BeforeAll
    static void importSamples() throws IOException {
        azurite = Azurite.start();
        azurite.createContainer("exports");
        exports = azurite.client().getBlobContainerClient("exports");
        System.setProperty("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (SampleInstance instance : SampleStudies.instances(31, 2, 2, 3)) {
            files.put(instance.sopUid() + ".dcm", instance.toBytes());
        }
        ahi.importFiles(files);
        config = ahi.config(temp, "read");
        // A registered Azure storage that may only be read: never an export destination.
        Files.writeString(config, Files.readString(config) + String.join("\n",
                "  storages:",
                "    azure-landing:",
                "      location: azure-blob://" + Azurite.ACCOUNT + "/exports/landing/",
                "      endpoint: " + azurite.endpoint(),
                "      access: read", ""));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("AZURE_STORAGE_CONNECTION_STRING");
        if (azurite != null) {
            azurite.close();
        }
    }

    @Test
    void shouldWriteTheSameBytesToAzureAsToAFolderAndNothingTwice() throws IOException {
        EmulatedAhi.Run folder = EmulatedAhi.export("--datastore", "test", "--destination", "file:" + temp.resolve("out"),
                "--once", "--config", config.toString());
        EmulatedAhi.Run azure = EmulatedAhi.export("--datastore", "test", "--destination",
                "azure-blob://" + Azurite.ACCOUNT + "/exports/run one/", "--once", "--config", config.toString());

        assertThat(folder.status()).as(folder.stderr()).isZero();
        assertThat(azure.status()).as(azure.stderr()).isZero();
        assertThat(azure.count("EXPORTED")).isEqualTo(12).isEqualTo(folder.count("EXPORTED"));
        List<Path> files = ExportRoundTripIT.exported(temp.resolve("out"));
        assertThat(files).hasSize(12);
        List<String> blobs = exports.listBlobs().stream().map(BlobItem::getName).filter(n -> n.startsWith("run one/"))
                .toList();
        assertThat(blobs).hasSize(12);
        for (Path file : files) {
            String name = "run one/" + temp.resolve("out").relativize(file).toString().replace('\\', '/');
            assertThat(exports.getBlobClient(name).downloadContent().toBytes()).as(name)
                    .isEqualTo(Files.readAllBytes(file));
        }

        EmulatedAhi.Run again = EmulatedAhi.export("--datastore", "test", "--destination",
                "azure-blob://" + Azurite.ACCOUNT + "/exports/run one/", "--once", "--config", config.toString(),
                "--overwrite", "if-different");
        assertThat(again.count("SKIPPED_EXISTS")).as("identical content is kept").isEqualTo(12);
        assertThat(again.count("EXPORTED")).isZero();
    }

    @Test
    void shouldRefuseAReadOnlyAzureStorageAsDestinationBeforeAnyDataMoves() {
        EmulatedAhi.Run run = EmulatedAhi.export("--datastore", "test", "--destination", "azure-landing", "--once",
                "--config", config.toString());

        assertThat(run.status()).as("a configuration error, as for import").isEqualTo(2);
        assertThat(run.stderr()).contains("azure-landing").contains("read-only");
        assertThat(exports.listBlobs().stream().map(BlobItem::getName)).noneMatch(n -> n.startsWith("landing/"));
    }
}
