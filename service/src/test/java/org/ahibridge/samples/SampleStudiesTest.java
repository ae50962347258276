package org.ahibridge.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.ahibridge.cli.Commands;
import org.ahibridge.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStudiesTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteOneFilePerRequestedInstanceBeyondAHundredStudies() throws IOException {
        // 150 studies: a folder name made of the last 12 UID digits repeats from study 100 on.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Commands.run("samples", new String[] {"--out", temp.toString(), "--studies", "150", "--series",
            "2", "--instances", "1", "--seed", "7"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(Commands.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 300 sample files");
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(300);
        }
    }

    @Test
    void shouldKeepTwoInstancesThatShareSeriesAndInstanceNumberApart() throws IOException {
        SampleInstance a = new SampleInstance("2.25.1", "2.25.2", "2.25.3", "SAMPLE", 1, 1,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        SampleInstance b = new SampleInstance("2.25.1", "2.25.2", "2.25.4", "SAMPLE", 1, 1,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        List<Path> files = SampleStudies.write(temp, List.of(a, b, a));

        assertThat(files).hasSize(2).doesNotHaveDuplicates().allSatisfy(f -> assertThat(f).isRegularFile());
    }

    @Test
    void shouldRefuseCountsItsUidsCannotNumberUniquely() {
        assertThatThrownBy(() -> SampleStudies.instances(1, 1, 10_000, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--series");
    }
}
