package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.dicom.testing.Requires;

/**
 * Issue 14, acceptance 4, against the built standalone emulator on {@code -Xmx512m}, measured: 12 parallel
 * 100 MB requests all get answers and the emulator stays healthy; 32 stalled clients do not keep a health
 * check (ListDatastores) from answering within a second, and are dropped by the request timeout.
 */
@Requires(StandaloneEmulatorJar.class)
class EmulatorUnderLoadIT {

    private static final long HUNDRED_MB = 100L * 1000 * 1000;
    /** Short here, so the test sees stalled clients dropped; the emulator's default is 30 s. */
    private static final int REQUEST_TIMEOUT_SECONDS = 4;

    @Test
    void shouldAnswerTwelveParallelHundredMegabyteRequestsAndStayHealthy() throws Exception {
        // The default request timeout (30 s): uploading 1.2 GB takes a few seconds of a 2-core machine.
        try (EmulatorProcess emulator = EmulatorProcess.start("-Xmx512m");
                MedicalImagingClient ahi = warmedUpClient(emulator)) {
            twelveHundredMegabyteRequests(emulator, ahi);
        }
    }

    private static void twelveHundredMegabyteRequests(EmulatorProcess emulator, MedicalImagingClient ahi)
            throws Exception {
        URI ahiEndpoint = emulator.endpoints().ahi();
        String datastore = "0".repeat(32);
        // AHI operations with small and large bounds, the EventBridge target, an admin endpoint and an unknown
        // path; half of them chunked, so the server learns the size only while reading.
        List<HttpRequest.Builder> targets = List.of(
                HttpRequest.newBuilder(ahiEndpoint.resolve("/datastore/" + datastore + "/imageSet/" + "1".repeat(32)
                        + "/updateImageSetMetadata?latestVersion=1")),
                HttpRequest.newBuilder(ahiEndpoint.resolve("/startDICOMImportJob/datastore/" + datastore)),
                HttpRequest.newBuilder(emulator.endpoints().eventBridge()).header("X-Amz-Target", "AWSEvents.PutEvents"),
                HttpRequest.newBuilder(ahiEndpoint.resolve("/_emulator/faults")),
                HttpRequest.newBuilder(ahiEndpoint.resolve("/no/such/operation")),
                HttpRequest.newBuilder(ahiEndpoint.resolve("/datastore/" + datastore + "/searchImageSets")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean chunked = i % 2 == 1;
            HttpRequest.BodyPublisher body = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(HUNDRED_MB))
                    : HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(HUNDRED_MB)), HUNDRED_MB);
            HttpRequest request = targets.get(i % targets.size()).copy().timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").POST(body).build();
            responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
        long answeredMillis = (System.nanoTime() - started) / 1_000_000;

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get().statusCode()).as(response.get().body()).isBetween(200, 499);
        }
        assertThat(responses).extracting(r -> r.get().statusCode()).contains(413, 404);
        long healthMillis = timed(() -> ahi.listDatastores(b -> { }));
        assertThat(healthMillis).isLessThan(1000);
        assertThat(emulator.isAlive()).isTrue();
        assertThat(emulator.output()).noneMatch(line -> line.contains("OutOfMemoryError"));
        System.out.printf("12 x 100 MB: all answered in %d ms (statuses %s); health check then %d ms%n",
                answeredMillis, responses.stream().map(r -> r.join().statusCode()).toList(), healthMillis);
    }

    @Test
    void shouldAnswerAHealthCheckWithinASecondWhileThirtyTwoClientsStallAndThenDropThem() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("-Xmx512m",
                "-Dsun.net.httpserver.maxReqTime=" + REQUEST_TIMEOUT_SECONDS);
                MedicalImagingClient ahi = warmedUpClient(emulator)) {
            thirtyTwoStalledClients(emulator, ahi);
        }
    }

    private static void thirtyTwoStalledClients(EmulatorProcess emulator, MedicalImagingClient ahi) throws Exception {
        int port = emulator.endpoints().ahi().getPort();
        List<Socket> stalled = new ArrayList<>();
        try {
            long stalledAt = System.nanoTime();
            for (int i = 0; i < 32; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = socket.getOutputStream();
                // Headers and the start of a 1,000-byte body, then nothing: the server's thread waits for the rest.
                out.write(("POST /datastore HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"datastoreName\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            List<Long> healthMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                healthMillis.add(timed(() -> ahi.listDatastores(b -> { })));
            }
            assertThat(healthMillis).allSatisfy(millis -> assertThat(millis).isLessThan(1000));

            // Each stalled connection is closed by the server once the request timeout has passed.
            long lastDroppedMillis = 0;
            for (Socket socket : stalled) {
                socket.setSoTimeout((REQUEST_TIMEOUT_SECONDS + 10) * 1000);
                InputStream in = socket.getInputStream();
                int read;
                try {
                    read = in.read();
                } catch (java.net.SocketException reset) {
                    read = -1;
                }
                assertThat(read).as("the server closes a stalled connection without answering").isEqualTo(-1);
                lastDroppedMillis = (System.nanoTime() - stalledAt) / 1_000_000;
            }
            assertThat(lastDroppedMillis).isBetween(REQUEST_TIMEOUT_SECONDS * 1000L - 100,
                    (REQUEST_TIMEOUT_SECONDS + 5) * 1000L);
            assertThat(timed(() -> ahi.listDatastores(b -> { }))).isLessThan(1000);
            System.out.printf("32 stalled clients: health checks %s ms; all dropped %d ms after they stalled "
                    + "(request timeout %d s)%n", healthMillis, lastDroppedMillis, REQUEST_TIMEOUT_SECONDS);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** A client that has made its first call, so the measured calls time the emulator, not class loading. */
    private static MedicalImagingClient warmedUpClient(EmulatorProcess emulator) {
        MedicalImagingClient ahi = EmulatorClients.medicalImaging(emulator.endpoints());
        ahi.listDatastores(b -> { });
        return ahi;
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A body of {@code size} bytes made up on the fly, so the test's heap holds none of it. */
    private static final class GeneratedBody extends InputStream {

        private long remaining;

        GeneratedBody(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            remaining -= n;
            return n;
        }
    }
}
