package org.ahibridge.emulator.dicomweb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MultipartWriterTest {

    @Test
    void shouldFrameEachPartAsRfc2046Says() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(out, "xyz");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
        headers.put("Content-Length", "3");
        try (OutputStream part = writer.startPart(headers)) {
            part.write(new byte[] {1, 2, 3});
        }
        writer.startPart(Map.of()).write("\r\n".getBytes(StandardCharsets.US_ASCII));
        writer.finish();
        writer.finish();

        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("--xyz\r\n"
                + "Content-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n"
                + "Content-Length: 3\r\n\r\n\u0001\u0002\u0003\r\n--xyz\r\n\r\n\r\n\r\n--xyz--\r\n");
    }

    @Test
    void shouldNotCloseTheBodyWhenAPartStreamIsClosed() throws IOException {
        boolean[] closed = {false};
        OutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        MultipartWriter writer = new MultipartWriter(target, "b");
        writer.startPart(Map.of()).close();
        writer.finish();

        assertThat(closed[0]).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyBodyAndPartsAfterTheEnd() throws IOException {
        MultipartWriter empty = new MultipartWriter(new ByteArrayOutputStream(), "b");
        assertThatThrownBy(empty::finish).hasMessageContaining("at least one part");

        MultipartWriter finished = new MultipartWriter(new ByteArrayOutputStream(), "b");
        finished.startPart(Map.of());
        finished.finish();
        assertThatThrownBy(() -> finished.startPart(Map.of())).hasMessageContaining("finished");
    }

    @Test
    void shouldNameTheTypeAndBoundaryInTheContentType() {
        String boundary = MultipartWriter.newBoundary();

        assertThat(boundary.length()).isBetween(1, MultipartReader.MAX_BOUNDARY_LENGTH);
        assertThat(boundary).isNotEqualTo(MultipartWriter.newBoundary());
        MediaType type = MediaType.parse(MultipartWriter.contentType("application/octet-stream", boundary,
                "transfer-syntax=1.2.840.10008.1.2.1"));
        assertThat(type.essence()).isEqualTo("multipart/related");
        assertThat(type.parameters()).containsEntry("type", "application/octet-stream")
                .containsEntry("boundary", boundary).containsEntry("transfer-syntax", "1.2.840.10008.1.2.1");
    }
}
