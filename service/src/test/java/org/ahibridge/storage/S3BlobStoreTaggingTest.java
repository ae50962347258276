package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The wire shape of {@link S3BlobStore#tag}, with the real SDK client against a loopback stub that plays
 * S3 (no real S3 server here supports tagging: s3proxy answers 501 to any {@code ?tagging} request).
 */
class S3BlobStoreTaggingTest {

    record Request(String method, String path, String query, String body) {
    }

    final List<Request> requests = new ArrayList<>();
    HttpServer server;
    S3Client client;
    S3BlobStore store;
    volatile int getStatus = 200;
    volatile String existingTags = tag("owner", "radiology");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        S3Connection connection = new S3Connection("us-east-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), true);
        client = S3Clients.create(connection, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")));
        store = new S3BlobStore(client, connection, "landing", "root/", S3Tuning.DEFAULT);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void shouldAddTheVerdictTagsToTheObjectsOwnTags() throws Exception {
        TaggingResult result = store.tag("in/scan 1.dcm", Map.of("ahi-bridge-p10", "compliant"));

        assertThat(result).isEqualTo(TaggingResult.APPLIED);
        assertThat(requests).extracting(Request::method).containsExactly("GET", "PUT");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/landing/root/in/scan 1.dcm");
            assertThat(r.query()).isEqualTo("tagging");
        });
        assertThat(tagsIn(requests.get(1).body())).isEqualTo(Map.of("owner", "radiology", "ahi-bridge-p10", "compliant"));
    }

    @Test
    void shouldAnswerUnsupportedOnceAndStopAskingAServerWithoutTagging() {
        getStatus = 501;

        assertThat(store.tag("a.dcm", Map.of("ahi-bridge-p10", "compliant"))).isEqualTo(TaggingResult.UNSUPPORTED);
        assertThat(store.tag("b.dcm", Map.of("ahi-bridge-p10", "compliant"))).isEqualTo(TaggingResult.UNSUPPORTED);

        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldNotDropTagsWhenTheObjectHasNoRoomForOurs() {
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(tag("k" + i, "v"));
        }
        existingTags = ten.toString();

        assertThatThrownBy(() -> store.tag("a.dcm", Map.of("ahi-bridge-p10", "compliant")))
                .isInstanceOf(StorageException.class).hasMessageContaining("10 tags per object");
        assertThat(requests).extracting(Request::method).containsExactly("GET");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (requests) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), body));
        }
        byte[] reply;
        int status = 200;
        if ("GET".equals(exchange.getRequestMethod()) && getStatus != 200) {
            status = getStatus;
            reply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>"
                    .getBytes(StandardCharsets.UTF_8);
        } else if ("GET".equals(exchange.getRequestMethod())) {
            reply = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<TagSet>" + existingTags + "</TagSet></Tagging>").getBytes(StandardCharsets.UTF_8);
        } else {
            reply = new byte[0];
        }
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    private static String tag(String key, String value) {
        return "<Tag><Key>" + key + "</Key><Value>" + value + "</Value></Tag>";
    }

    private static Map<String, String> tagsIn(String xml) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getLocalName() == null ? document.getDocumentElement().getTagName()
                : document.getDocumentElement().getLocalName()).isEqualTo("Tagging");
        Map<String, String> tags = new LinkedHashMap<>();
        NodeList list = document.getElementsByTagName("Tag");
        for (int i = 0; i < list.getLength(); i++) {
            Element tag = (Element) list.item(i);
            tags.put(tag.getElementsByTagName("Key").item(0).getTextContent(),
                    tag.getElementsByTagName("Value").item(0).getTextContent());
        }
        return tags;
    }
}
