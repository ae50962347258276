package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.ahibridge.dicom.p10.P10Bytes;
import org.ahibridge.dicom.p10.P10Verdict;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The {@code p10Classifier} bean in a YAML route (src/test/resources/routes/p10-classify-test.camel.yaml). */
@CamelSpringBootTest
@SpringBootTest(classes = P10ClassifierRouteTest.App.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/p10-classify-test.camel.yaml",
    "camel.main.run-controller=false", "ahibridge.p10.max-depth=8",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
class P10ClassifierRouteTest {

    /** Only the P10 beans and Camel: the test does not depend on the rest of the service. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(P10Configuration.class)
    static class App {
    }

    private static final String ROUTE = "direct:p10-classify-test";

    @Autowired
    ProducerTemplate producer;

    @EndpointInject("mock:compliant")
    MockEndpoint compliant;

    @EndpointInject("mock:rejected")
    MockEndpoint rejected;

    @TempDir
    Path folder;

    @AfterEach
    void reset() {
        MockEndpoint.resetMocks(compliant.getCamelContext());
    }

    @Test
    void shouldRouteCompliantBytesWithTheirUidsAsHeaders() throws InterruptedException {
        compliant.expectedMessageCount(1);
        rejected.expectedMessageCount(0);

        producer.sendBody(ROUTE, P10Bytes.valid());

        compliant.assertIsSatisfied();
        Map<String, Object> headers = compliant.getExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry(P10Headers.COMPLIANT, true)
                .containsEntry(P10Headers.TRANSFER_SYNTAX_UID, "1.2.840.10008.1.2.1")
                .containsEntry(P10Headers.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2")
                .containsEntry(P10Headers.SOP_INSTANCE_UID, "1.2.3.4.5.6")
                .containsEntry(P10Headers.STUDY_INSTANCE_UID, "1.2.3.4.5")
                .containsEntry(P10Headers.SERIES_INSTANCE_UID, "1.2.3.4.5.1")
                .containsEntry(P10Headers.MODALITY, "CT").containsEntry(P10Headers.SERIES_NUMBER, 7)
                .containsEntry(P10Headers.PATIENT_ID, "SECRET-PID-4711")
                .doesNotContainKey(P10Headers.REASON);
        assertThat(compliant.getExchanges().get(0).getProperty(P10Headers.VERDICT_PROPERTY, P10Verdict.class)
                .compliant()).isTrue();
    }

    @Test
    void shouldRejectTruncatedStreamAndKeepTheBodyReadable() throws Exception {
        byte[] header = P10Bytes.validHeader().header(0x7FE00010, "OW", 100_000).bytes();
        byte[] object = Arrays.copyOf(header, header.length + 50_000);
        rejected.expectedMessageCount(1);

        producer.sendBodyAndHeader(ROUTE, new ByteArrayInputStream(object), Exchange.FILE_LENGTH, (long) object.length);

        rejected.assertIsSatisfied();
        var message = rejected.getExchanges().get(0).getMessage();
        assertThat(message.getHeader(P10Headers.REASON)).isEqualTo("TRUNCATED");
        assertThat(message.getHeader(P10Headers.MESSAGE, String.class)).contains("(7FE0,0010)");
        assertThat(message.getHeader(P10Headers.SIZE)).isEqualTo((long) object.length);
        try (InputStream body = message.getBody(InputStream.class)) {
            assertThat(body.readAllBytes()).isEqualTo(object);
        }
    }

    @Test
    void shouldRejectNonDicomFileAndApplyConfiguredDepth() throws IOException, InterruptedException {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not DICOM");
        P10Bytes deep = P10Bytes.validHeader();
        for (int i = 0; i < 9; i++) {
            deep.header(0x00291020, "SQ", 0xFFFFFFFFL).raw(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, -1, -1,
                -1, -1});
        }
        rejected.expectedMessageCount(2);

        producer.sendBody(ROUTE, text);
        producer.sendBody(ROUTE, deep.bytes());

        rejected.assertIsSatisfied();
        assertThat(rejected.getExchanges()).extracting(e -> e.getMessage().getHeader(P10Headers.REASON))
                .containsExactly("NO_P10_HEADER", "MALFORMED");
        assertThat(rejected.getExchanges().get(1).getMessage().getHeader(P10Headers.MESSAGE, String.class))
                .contains("deeper than 8");
    }
}
