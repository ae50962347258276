package org.ahibridge.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.AzureConnection;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.BlobTransfer;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.StorageRegistration;
import org.ahibridge.storage.StorageUris;
import org.ahibridge.storage.TaggingResult;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.storage.testing.Azurite;
import org.ahibridge.storage.testing.AzuriteInstalled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlockListType;
import com.sun.net.httpserver.HttpServer;

/** The azure-blob provider against Azurite through the real Azure SDK client. */
@Requires(AzuriteInstalled.class)
class AzureBlobStoreIT {

    private static final int MIB = 1024 * 1024;
    // Small sizes so block uploads and streamed reads happen with a few MiB.
    private static final AzureTuning SMALL = new AzureTuning(MIB, 256 * 1024, 1024, 1);

    static Azurite azurite;
    static BlobServiceClient client;

    String container;
    AzureBlobStore store;

    @BeforeAll
    static void startAzurite() throws IOException {
        azurite = Azurite.start();
        client = azurite.client();
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @BeforeEach
    void createContainer(TestInfo test) {
        container = "it-" + Integer.toHexString(test.getTestMethod().orElseThrow().getName().hashCode() & 0x7fffffff);
        client.createBlobContainer(container);
        store = new AzureBlobStore(client.getBlobContainerClient(container), Azurite.ACCOUNT, "root/", SMALL);
    }

    private void put(String key, byte[] content) {
        store.write(key, new ByteArrayInputStream(content), content.length);
    }

    @Test
    void shouldListEveryObjectOnceAcrossPagesWithTokensThatSurviveANewClient() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            keys.add(String.format("in/%02d with space ü 東京.dcm", i));
        }
        keys.forEach(k -> put(k, bytes(k)));
        put("elsewhere.dcm", bytes("x"));
        client.getBlobContainerClient(container).getBlobClient("outside-root.dcm").upload(
                new ByteArrayInputStream(bytes("y")), 1);

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            // A fresh client per page: the token is all the position there is, as after a restart.
            AzureBlobStore fresh = new AzureBlobStore(azurite.client().getBlobContainerClient(container),
                    Azurite.ACCOUNT, "root/", SMALL);
            ListPage page = fresh.list("in/", token, 5);
            pages++;
            page.objects().forEach(o -> listed.add(o.key()));
            token = page.nextToken();
        } while (token != null);

        assertThat(listed).containsExactlyElementsOf(keys);
        assertThat(pages).isEqualTo(5);
        assertThat(store.list("", null, 100).objects()).extracting(BlobInfo::key)
                .contains("elsewhere.dcm").doesNotContain("outside-root.dcm", "root/elsewhere.dcm");
    }

    @Test
    void shouldListSizesAndVersionsAsStatDoes() {
        put("a.dcm", bytes("hello"));

        BlobInfo listed = store.list("", null, 10).objects().get(0);
        BlobInfo stat = store.stat("a.dcm").orElseThrow();

        assertThat(listed).isEqualTo(stat);
        assertThat(stat.size()).isEqualTo(5);
        assertThat(stat.version()).isNotBlank().doesNotContain("\"");
        assertThat(stat.lastModified()).isNotNull();
        assertThat(store.stat("missing.dcm")).isEmpty();
    }

    @Test
    void shouldGiveANewVersionWhenAnObjectIsReplaced() {
        put("a.dcm", bytes("first"));
        String before = store.stat("a.dcm").orElseThrow().version();

        BlobInfo written = store.write("a.dcm", new ByteArrayInputStream(bytes("second!")), -1);

        assertThat(written.version()).isNotEqualTo(before).isEqualTo(store.stat("a.dcm").orElseThrow().version());
        assertThat(written.size()).isEqualTo(7);
    }

    @Test
    void shouldRefuseAForeignListingTokenWithAClearReason() {
        put("a.dcm", bytes("a"));

        // An s3 storage's token (base64 of the last key, '.', continuation token).
        assertThatThrownBy(() -> store.list("", "YS5kY20.1a2b3c", 10))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("not a listing token of an azure-blob storage")
                .hasMessageContaining("reset the listing position")
                .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    }

    @Test
    void shouldReadOnlyTheRequestedRangeSmallOrStreamed() throws Exception {
        byte[] data = random(3 * MIB + 5);
        put("r.bin", data);

        assertThat(readAll(store.openRange("r.bin", 2, 5))).containsExactly(data[2], data[3], data[4]);
        assertThat(readAll(store.openRange("r.bin", data.length - 3, data.length + 1000)))
                .containsExactly(data[data.length - 3], data[data.length - 2], data[data.length - 1]);
        assertThat(readAll(store.openRange("r.bin", 4, 4))).isEmpty();
        assertThat(readAll(store.openRange("r.bin", data.length + 10, data.length + 20))).isEmpty();
        // Above the small-read limit the range streams in 256 KiB requests.
        byte[] middle = readAll(store.openRange("r.bin", MIB + 1, 2 * MIB + 7));
        assertThat(digest(middle)).isEqualTo(digest(java.util.Arrays.copyOfRange(data, MIB + 1, 2 * MIB + 7)));
        assertThat(digest(readAll(store.open("r.bin")))).isEqualTo(digest(data));
    }

    @Test
    void shouldUploadLargeStreamsAsBlocksWhetherTheSizeIsKnownOrNot() throws Exception {
        byte[] data = random(5 * MIB + 17);

        // Streams that cannot mark/reset, like the files and network streams callers hand over.
        BlobInfo unknown = store.write("big/unknown.bin", unmarkable(data), -1);
        BlobInfo known = store.write("big/known.bin", unmarkable(data), data.length);

        for (BlobInfo info : List.of(unknown, known)) {
            assertThat(info.size()).isEqualTo(data.length);
            assertThat(digest(readAll(store.open(info.key())))).isEqualTo(digest(data));
            assertThat(committedBlocks(info.key())).isEqualTo(6);
        }
    }

    @Test
    void shouldUploadWhatFitsOneBlockInOnePutIncludingEmptyStreams() throws Exception {
        BlobInfo small = store.write("s.dcm", unmarkable(bytes("tiny")), -1);
        BlobInfo exactlyOneBlock = store.write("one.bin", unmarkable(random(MIB)), MIB);
        BlobInfo empty = store.write("e.dcm", InputStream.nullInputStream(), -1);

        assertThat(small.size()).isEqualTo(4);
        assertThat(committedBlocks("s.dcm")).isZero();
        assertThat(exactlyOneBlock.size()).isEqualTo(MIB);
        assertThat(committedBlocks("one.bin")).isZero();
        assertThat(empty.size()).isZero();
        assertThat(readAll(store.open("e.dcm"))).isEmpty();
    }

    @Test
    void shouldRefuseAStreamShorterThanAnnouncedWithoutReplacingTheBlob() {
        put("x.bin", bytes("old"));
        byte[] data = random(3 * MIB);

        assertThatThrownBy(() -> store.write("x.bin", new ByteArrayInputStream(data), data.length + 1))
                .isInstanceOf(StorageException.class);
        assertThat(store.stat("x.bin")).get().extracting(BlobInfo::size).isEqualTo(3L);
    }

    @Test
    void shouldNotCopyServerSideButTransferByStreaming(@TempDir Path temp) throws IOException {
        put("src.dcm", bytes("abc"));
        FileBlobStore folder = new FileBlobStore(temp);

        assertThat(store.copyServerSide(folder, "a.dcm", "a.dcm")).isFalse();
        assertThat(BlobTransfer.copy(store, "src.dcm", folder, "copied.dcm")).isFalse();
        assertThat(readAll(folder.open("copied.dcm"))).isEqualTo(bytes("abc"));
    }

    @Test
    void shouldDeleteIdempotentlyAndApplyBlobIndexTags() {
        put("d.dcm", bytes("x"));

        TaggingResult tagging = store.tag("d.dcm", Map.of("ahi-bridge-p10", "compliant"));

        assertThat(tagging).isEqualTo(TaggingResult.APPLIED);
        assertThat(client.getBlobContainerClient(container).getBlobClient("root/d.dcm").getTags())
                .containsEntry("ahi-bridge-p10", "compliant");
        store.delete("d.dcm");
        store.delete("d.dcm");
        assertThat(store.stat("d.dcm")).isEmpty();
    }

    @Test
    void shouldKeepTheOwnersOtherIndexTagsWhenTagging() {
        put("owned.dcm", bytes("x"));
        var blob = client.getBlobContainerClient(container).getBlobClient("root/owned.dcm");
        blob.setTags(Map.of("department", "radiology"));

        store.tag("owned.dcm", Map.of("ahi-bridge-p10", "not-compliant"));

        assertThat(blob.getTags()).containsEntry("department", "radiology")
                .containsEntry("ahi-bridge-p10", "not-compliant").hasSize(2);
    }

    @Test
    void shouldTranslateMissingObjectsAndContainersIntoPermanentStorageExceptions() {
        AzureBlobStore noContainer = new AzureBlobStore(client.getBlobContainerClient("no-such-container"),
                Azurite.ACCOUNT, "", SMALL);

        assertThatThrownBy(() -> readAll(store.open("missing.dcm")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("missing.dcm").hasMessageContaining("404")
                .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
        assertThatThrownBy(() -> noContainer.list("", null, 10))
                .isInstanceOf(StorageException.class).hasMessageContaining("ContainerNotFound")
                .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    }

    @Test
    void shouldMarkServerErrorsThrottlingAndRefusedConnectionsTransientButNotAccessDenied() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.contains("busy") ? 503 : path.contains("slow") ? 429 : 403;
            String code = status == 503 ? "ServerBusy" : status == 429 ? "TooManyRequests" : "AuthorizationFailure";
            byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code
                    + "</Code><Message>simulated</Message></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-ms-error-code", code);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try {
            AzureBlobStore faulty = storeAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"
                    + Azurite.ACCOUNT));
            AzureBlobStore unreachable = storeAt(URI.create("http://127.0.0.1:" + closedPort + "/" + Azurite.ACCOUNT));

            assertThat(failure(() -> faulty.stat("busy.dcm")).isTransient()).isTrue();
            assertThat(failure(() -> faulty.stat("slow.dcm")).isTransient()).isTrue();
            assertThat(failure(() -> faulty.stat("denied.dcm")))
                    .satisfies(e -> assertThat(e.isTransient()).isFalse())
                    .hasMessageContaining("403").hasMessageNotContaining(Azurite.KEY);
            assertThat(failure(() -> unreachable.list("", null, 10)).isTransient()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefuseAStoreWithoutUsableCredentialsWithAClearPermanentError() {
        // No key, SAS or connection string for the account: Entra ID, whose bearer tokens need https.
        StorageRegistration noCredentials = new StorageRegistration("landing",
                StorageUris.parse("azure-blob://" + Azurite.ACCOUNT + "/" + container + "/"), AccessMode.READ, null,
                false, azurite.connection());
        AzureStores stores = new AzureStores(c -> AzureClients.create(c, SMALL, name -> null), SMALL);

        try (BlobStores blobStores = new BlobStores().withAzure(stores)) {
            assertThatThrownBy(() -> blobStores.open(noCredentials))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("devstoreaccount1").hasMessageContaining("https")
                    .hasMessageContaining("no connection string, key or SAS token")
                    .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
        }
    }

    @Test
    void shouldEnforceTheRegistrationsAccessModeThroughBlobStores() {
        put("in.dcm", bytes("x"));
        StorageRegistration readOnly = new StorageRegistration("landing",
                StorageUris.parse("azure-blob://" + Azurite.ACCOUNT + "/" + container + "/root/"), AccessMode.READ, null,
                false, azurite.connection());
        try (BlobStores stores = new BlobStores().withAzure(azurite.stores(SMALL))) {
            BlobStore landing = stores.open(readOnly);

            assertThat(landing.describe()).isEqualTo("azure-blob://devstoreaccount1/" + container + "/root/");
            assertThat(landing.list("", null, 10).objects()).extracting(BlobInfo::key).containsExactly("in.dcm");
            assertThatThrownBy(() -> landing.write("out.dcm", new ByteArrayInputStream(bytes("y")), 1))
                    .isInstanceOf(AccessModeException.class);
            assertThatThrownBy(() -> landing.delete("in.dcm")).isInstanceOf(AccessModeException.class);
        }
        assertThat(store.stat("out.dcm")).isEmpty();
    }

    private AzureBlobStore storeAt(URI endpoint) {
        BlobServiceClient other = AzureClients.create(new AzureConnection(Azurite.ACCOUNT, endpoint), SMALL,
                Map.of("AZURE_STORAGE_KEY", Azurite.KEY)::get);
        return new AzureBlobStore(other.getBlobContainerClient(container), Azurite.ACCOUNT, "", SMALL);
    }

    private static StorageException failure(Runnable action) {
        try {
            action.run();
        } catch (StorageException e) {
            return e;
        }
        throw new AssertionError("expected a StorageException");
    }

    private int committedBlocks(String key) {
        return client.getBlobContainerClient(container).getBlobClient(store.blobName(key)).getBlockBlobClient()
                .listBlocks(BlockListType.COMMITTED).getCommittedBlocks().size();
    }

    private static InputStream unmarkable(byte[] data) {
        return new java.io.FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
