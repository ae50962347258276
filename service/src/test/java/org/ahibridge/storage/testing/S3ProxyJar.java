package org.ahibridge.storage.testing;

import java.util.Optional;

import org.ahibridge.dicom.testing.Prerequisite;

/** For {@code @Requires}: s3proxy's jar, which the build copies to {@code target/emulators} ({@link S3Proxy}). */
public final class S3ProxyJar implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return S3Proxy.available() ? Optional.empty()
                : Optional.of("target/emulators/s3proxy.jar is missing (mvn -B package -DskipTests builds it)");
    }
}
