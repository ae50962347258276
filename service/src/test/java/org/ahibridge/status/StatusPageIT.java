package org.ahibridge.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.testing.EmulatedImportRoutes;
import org.ahibridge.testing.HeadlessChromium;
import org.ahibridge.testing.ImportRouteFiles;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The status page in a real browser (issue 15, acceptance 4): the service polls a folder and imports into the
 * emulated datastore, whose import jobs are held IN_PROGRESS, so the run is still RUNNING when headless Chromium
 * loads {@code /status}. The page must show the run, its counts and the one file that FAILED (too large for an
 * import job) with its reason; the file's name holds markup, which must arrive as text. Then the re-drive
 * action (enabled here) makes a run of its own for that file, refused from another origin. Set
 * {@code -Dahibridge.status.screenshots=DIR} to also save a screenshot of the page there (docs/images).
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@Requires(HeadlessChromium.class)
class StatusPageIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BIG_FILE = "big <b>scan.dcm";
    /** The emulator, datastore, ledger and polling settings of the import-route ITs. */
    @RegisterExtension
    static final EmulatedImportRoutes STACK = EmulatedImportRoutes.create("status-page");
    static Path temp;

    @LocalServerPort
    int port;

    @BeforeAll
    static void inbox() {
        temp = STACK.temp();
        inboxFolder();
        // Long enough that the run is RUNNING whenever the browser looks; the test does not wait for the jobs.
        STACK.emulator().emulator().faults().slowJobs(Duration.ofMinutes(5));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> "0");
        STACK.register(registry, ImportRouteFiles.FLOW + "," + ImportRouteFiles.files("import-poll", "import-tick"));
        // From the fixture, not from inbox(): without Chromium the @BeforeAll methods are skipped, yet JUnit makes
        // the test instance (and Spring its context) before it skips the test.
        registry.add("ahibridge.storages.inbox.location", () -> inboxFolder().toUri().toString());
        registry.add("ahibridge.storages.inbox.access", () -> "read");
        registry.add("ahibridge.import.batch.max-file-bytes", () -> "5000");
        registry.add("ahibridge.routes.import.sources", () -> "inbox");
        registry.add("ahibridge.status.redrive-enabled", () -> "true");
    }

    private static Path inboxFolder() {
        try {
            return Files.createDirectories(STACK.temp().resolve("inbox"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        STACK.stopsRoutesOf(applicationContext);
    }

    @Test
    void shouldShowTheRunningImportWithItsCountsAndTheFailedFileWithItsReasonInABrowser() throws Exception {
        drop();
        // The run is under way once the too-large file has its outcome (at batching, long before the job ends).
        JsonNode run = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(this::runningRunWithAFailure, r -> r != null);
        String runId = run.get("runId").asText();

        String dom = browse("/status");

        String row = element(dom, "<tr class=\"run\" data-run=\"" + runId + "\">", "</tr>");
        assertThat(row).contains(">RUNNING<").contains("FAILED <b>1</b>").contains("SKIPPED_NOT_P10 <b>1</b>")
                .containsPattern("\\d+/6 done").contains("/api/runs/" + runId + "/report.json")
                .contains("/api/runs/" + runId + "/report.csv");
        String failure = element(dom, "<tr class=\"failure\">", "</tr>");
        // The key's markup arrives as text: escaped in the DOM, no <b> element made of it.
        assertThat(failure).contains("big &lt;b&gt;scan.dcm").doesNotContain("<b>scan")
                .contains("an AHI import job takes files of at most").contains(runId);
        assertThat(dom).contains("Re-drive failed files");
        screenshot();

        // The links work: the running run's report comes from the ledger, in both forms.
        JsonNode report = JSON.readTree(get("/api/runs/" + runId + "/report.json").body());
        assertThat(report.get("state").asText()).isEqualTo("RUNNING");
        assertThat(report.get("outcomes").get("FAILED").asInt()).isEqualTo(1);
        assertThat(get("/api/runs/" + runId + "/report.csv").body()).startsWith("run_id,storage,key")
                .contains(BIG_FILE);
        // The re-drive (enabled here; off by default): refused from another origin, else a run of its own in which
        // the file fails again for the same reason, while the first run's job is still in progress.
        assertThat(postRedrive("http://elsewhere.example").statusCode()).isEqualTo(403);
        HttpResponse<String> redrive = postRedrive(null);
        assertThat(redrive.statusCode()).as(redrive.body()).isEqualTo(202);
        String redriveId = JSON.readTree(redrive.body()).get("message").asText();
        assertThat(redriveId).startsWith("redrive-");
        JsonNode redone = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(get("/api/runs/" + redriveId).body()),
                        r -> r.get("state").asText().equals("COMPLETED"));
        assertThat(redone.get("outcomes").toString()).isEqualTo("{\"FAILED\":1}");
        assertThat(JSON.readTree(get("/api/runs/" + runId).body()).get("state").asText()).isEqualTo("RUNNING");
    }

    private HttpResponse<String> postRedrive(String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/redrive")).POST(HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The RUNNING run whose FAILED count is 1 (from the JSON API), or null. */
    private JsonNode runningRunWithAFailure() throws Exception {
        for (JsonNode run : JSON.readTree(get("/api/status").body()).get("runs").get("runs")) {
            if (run.get("state").asText().equals("RUNNING") && run.get("outcomes").path("FAILED").asInt() == 1
                    && run.get("outcomes").path("SKIPPED_NOT_P10").asInt() == 1) {
                return run;
            }
        }
        return null;
    }

    /** Four compliant files, one too large for an import job and one that is not DICOM, moved in whole. */
    private static void drop() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        List<Path> files = new ArrayList<>(SampleStudies.write(outside, SampleStudies.instances(41, 1, 1, 4)));
        byte[] dicom = Files.readAllBytes(files.get(0));
        byte[] big = new byte[dicom.length + 10_000];
        System.arraycopy(dicom, 0, big, 0, dicom.length);
        files.add(Files.write(outside.resolve(BIG_FILE), big));
        files.add(Files.writeString(outside.resolve("notes.txt"), "not DICOM"));
        for (Path file : files) {
            Path target = temp.resolve("inbox").resolve(outside.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The page as headless Chromium rendered it: its DOM, serialised. */
    private String browse(String path) throws Exception {
        Path profile = Files.createTempDirectory(temp, "chromium-");
        List<String> command = new ArrayList<>(chromium(profile));
        command.addAll(List.of("--dump-dom", uri(path).toString()));
        Process browser = new ProcessBuilder(command).redirectError(temp.resolve("chromium.log").toFile()).start();
        byte[] dom = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(90, TimeUnit.SECONDS)).as("chromium ended").isTrue();
        assertThat(browser.exitValue()).as(Files.readString(temp.resolve("chromium.log"))).isZero();
        return new String(dom, StandardCharsets.UTF_8);
    }

    private void screenshot() throws Exception {
        String folder = System.getProperty("ahibridge.status.screenshots");
        if (folder == null) {
            return;
        }
        Path file = Path.of(folder).toAbsolutePath().resolve("status-page.png");
        Files.createDirectories(file.getParent());
        List<String> command = new ArrayList<>(chromium(Files.createTempDirectory(temp, "chromium-")));
        command.addAll(List.of("--hide-scrollbars", "--window-size=1280,760", "--screenshot=" + file, uri("/status")
                .toString()));
        Process browser = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("screenshot.log").toFile()).start();
        assertThat(browser.waitFor(90, TimeUnit.SECONDS)).isTrue();
    }

    private static List<String> chromium(Path profile) {
        return List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
    }

    /** From the first {@code start} to the next {@code end} after it. */
    private static String element(String dom, String start, String end) {
        int from = dom.indexOf(start);
        assertThat(from).as("%s in the page: %s", start, dom).isNotNegative();
        return dom.substring(from, dom.indexOf(end, from) + end.length());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
