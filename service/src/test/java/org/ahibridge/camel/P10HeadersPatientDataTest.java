package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.ahibridge.dicom.p10.CanaryFiles;
import org.ahibridge.dicom.p10.P10Classifier;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: the {@code p10Classifier} headers end up in logs and audit lines of integration routes; an
 * attribute whose length spans the patient module used to carry the patient's name and ID in
 * {@code AhiBridgeSopInstanceUid} (or {@code AhiBridgeModality}).
 */
class P10HeadersPatientDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"uid", "modality", "syntax"})
    void shouldSetNoHeaderThatCarriesTheCanary(String which) throws Exception {
        byte[] body = switch (which) {
            case "uid" -> CanaryFiles.sopInstanceUidOverrun();
            case "modality" -> CanaryFiles.modalityOverrun();
            default -> CanaryFiles.transferSyntaxWithPatientData();
        };
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody(body);

            new P10ClassifierProcessor(new P10Classifier()).process(exchange);

            Map<String, Object> headers = exchange.getMessage().getHeaders();
            assertThat(headers).containsKey(P10Headers.COMPLIANT);
            assertThat(headers.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("CANARY"));
            assertThat(String.valueOf(exchange.getProperty(P10Headers.VERDICT_PROPERTY))).doesNotContain("CANARY");
            if (which.equals("uid")) {
                assertThat(headers).containsEntry(P10Headers.REASON, "INVALID_UID")
                        .doesNotContainKey(P10Headers.SOP_INSTANCE_UID);
            }
        }
    }
}
