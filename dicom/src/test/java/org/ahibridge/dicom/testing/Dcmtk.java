package org.ahibridge.dicom.testing;

import java.util.List;
import java.util.Optional;

/**
 * dcmtk's command-line tools: they write the {@link DcmtkCorpus} and check what the codec writes
 * ({@code dcmdump}, {@code dcmftest}, {@code dcm2json}).
 */
public final class Dcmtk implements Prerequisite {

    static final List<String> TOOLS = List.of("dump2dcm", "dcmconv", "dcmcrle", "dcmcjpeg", "dcmcjpls", "img2dcm",
            "dcmj2pnm", "dcmmkdir", "dcmdump", "dcmftest", "dcm2json", "dcmodify");
    static final String INSTALL = "sudo apt-get install dcmtk";

    @Override
    public Optional<String> missing() {
        List<String> absent = TOOLS.stream().filter(tool -> !ExternalTool.installed(tool)).toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(absent.size() == TOOLS.size() ? "dcmtk is not installed (" + INSTALL + ")"
                : "dcmtk lacks " + String.join(", ", absent) + " (" + INSTALL + ")");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
