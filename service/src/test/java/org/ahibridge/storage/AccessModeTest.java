package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessModeTest {

    @ParameterizedTest
    @CsvSource({"read,READ", "write,WRITE", "read-write,READ_WRITE", "READ_WRITE,READ_WRITE",
        "Import only,READ", "Export only,WRITE", "Both,READ_WRITE", "import-only,READ"})
    void shouldParseOurModesAndFlywheelLabels(String value, AccessMode expected) {
        assertThat(AccessMode.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"READ,true,false", "WRITE,false,true", "READ_WRITE,true,true"})
    void shouldAllowOnlyWhatTheModeSays(AccessMode mode, boolean read, boolean write) {
        assertThat(mode.canRead()).isEqualTo(read);
        assertThat(mode.canWrite()).isEqualTo(write);
    }

    @ParameterizedTest
    @CsvSource({"reed", "'  '", "rw"})
    void shouldRejectUnknownModesListingTheAcceptedOnes(String value) {
        assertThatThrownBy(() -> AccessMode.parse(value)).hasMessageContaining("use read, write or read-write");
    }
}
