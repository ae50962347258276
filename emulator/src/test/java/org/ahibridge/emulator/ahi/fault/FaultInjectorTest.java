package org.ahibridge.emulator.ahi.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ahibridge.emulator.ahi.AhiError;

class FaultInjectorTest {

    @Test
    void shouldFailExactlyTheNextCallsOfTheOperation() {
        FaultInjector faults = new FaultInjector(1).next("GetImageFrame", FaultInjector.Kind.THROTTLE, 2);
        assertThatCode(() -> faults.before("GetImageSet")).doesNotThrowAnyException();
        assertThatThrownBy(() -> faults.before("GetImageFrame")).isInstanceOfSatisfying(AhiError.class,
                e -> assertThat(e.status()).isEqualTo(429));
        assertThatThrownBy(() -> faults.before("GetImageFrame")).isInstanceOf(AhiError.class);
        assertThatCode(() -> faults.before("GetImageFrame")).doesNotThrowAnyException();
    }

    @Test
    void shouldInjectTheSamePercentageFaultsForTheSameSeed() {
        assertThat(pattern(7)).isEqualTo(pattern(7)).contains(true, false);
    }

    @Test
    void shouldFailTheNextJobsThenRunNormally() {
        FaultInjector faults = new FaultInjector(1).failJobs(1, 0, "boom");
        assertThat(faults.jobFailure()).isEqualTo("boom");
        assertThat(faults.jobFailure()).isNull();
    }

    private static List<Boolean> pattern(long seed) {
        FaultInjector faults = new FaultInjector(seed).percent("*", FaultInjector.Kind.ERROR, 50);
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try {
                faults.before("SearchImageSets");
                failed.add(false);
            } catch (AhiError e) {
                assertThat(e.status()).isEqualTo(500);
                failed.add(true);
            }
        }
        return failed;
    }
}
