package org.ahibridge.dicom.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The test files Debian's pydicom package ships: real-world oddities no generator of ours makes. */
public final class PydicomTestFiles implements Prerequisite {

    /** Where {@code python3-pydicom} installs them. */
    public static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    @Override
    public Optional<String> missing() {
        return Files.isDirectory(DATA.resolve("test_files")) && Files.isDirectory(DATA.resolve("charset_files"))
                ? Optional.empty()
                : Optional.of("pydicom's test files are not installed (sudo apt-get install python3-pydicom)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
