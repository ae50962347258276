package org.ahibridge.storage.testing;

import java.util.Optional;

import org.ahibridge.dicom.testing.Prerequisite;

/**
 * For {@code @Requires}: Azurite, the Azure Blob emulator ({@link Azurite}). CI sets
 * {@code AHIBRIDGE_REQUIRE_AZURITE=true} and installs it; there a missing Azurite fails the tests.
 */
public final class AzuriteInstalled implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return Azurite.installed().isPresent() ? Optional.empty() : Optional.of(Azurite.MISSING);
    }

    @Override
    public boolean mustNotSkip() {
        return Azurite.required();
    }
}
