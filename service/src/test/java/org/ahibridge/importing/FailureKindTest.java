package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureKindTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "ValidationException, CUSTOMER",
        "AccessDeniedException, CUSTOMER",
        "NULL, CUSTOMER",
        "InternalServerException, SERVER",
        "InternalFailure, SERVER",
        "ServiceUnavailableException, SERVER",
        "ThrottlingException, SERVER",
        "RequestTimeout, SERVER"})
    void shouldRetryOnlyServerSideFailures(String exceptionType, FailureKind expected) {
        assertThat(FailureKind.of(exceptionType)).isEqualTo(expected);
    }
}
