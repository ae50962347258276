package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.testing.PseudoTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The progress of {@code import --once} (issue 15) through the built jar on the embedded default, as a user sees
 * it: on a pseudo-terminal one line redrawn in place whose count advances, in a log a line every interval, with
 * {@code --quiet} nothing; the JSON summary stays the last line of stdout in every case. Small batches and the
 * default start pace of one job every two seconds spread the outcomes over several seconds.
 */
class ProgressIT {

    private static final Duration COMMAND = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIVE = Pattern.compile("^\\d+:\\d{2} elapsed, ([\\d,]+)/([\\d,]+) objects done");
    private static final Pattern LOGGED = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z import: \\d+:\\d{2} elapsed, ([\\d,]+)/([\\d,]+) objects done.*"
                    + "jobs? in flight.*");

    @TempDir
    Path folder;

    @BeforeEach
    void requireTheJar() throws Exception {
        BuiltJar.assumeBuilt();
        SampleStudies.write(folder.resolve("in"), SampleStudies.instances(15, 2, 2, 10));
        Files.writeString(folder.resolve("in").resolve("notes.txt"), "not DICOM");
    }

    @Test
    @Requires(PseudoTerminal.class)
    void shouldRedrawOneAdvancingLineOnATerminal() throws Exception {
        String command = String.join(" ", BuiltJar.java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", BuiltJar.JAR.toString(), "import", "--source", "file:in", "--once",
                "-Dahibridge.import.batch.max-files=8");
        // script gives the command a pseudo-terminal for stdin, stdout and stderr, and copies what it printed.
        Process script = new ProcessBuilder("script", "-qfec", command, "/dev/null").directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("tty.txt").toFile()).start();
        assertThat(script.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)).as("the import ended").isTrue();
        String screen = Files.readString(folder.resolve("tty.txt"), StandardCharsets.UTF_8);
        assertThat(script.exitValue()).as(screen).isZero();

        // Every redraw starts with a carriage return and none ends a line: the progress is one line, redrawn.
        List<long[]> counts = new ArrayList<>();
        String[] draws = screen.split("\r");
        for (String draw : draws) {
            Matcher m = LIVE.matcher(draw);
            if (m.find()) {
                assertThat(draw).as("a redraw").doesNotContain("\n");
                counts.add(new long[] {number(m.group(1)), number(m.group(2))});
            }
        }
        assertThat(counts).as(screen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(counts.stream().mapToLong(c -> c[0]).distinct().count()).as("the count advanced: " + screen)
                .isGreaterThanOrEqualTo(2);
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i)[0]).as("done never goes back").isGreaterThanOrEqualTo(counts.get(i - 1)[0]);
            assertThat(counts.get(i)[0]).isLessThanOrEqualTo(counts.get(i)[1]);
        }
        // The line is erased before the summary, which stands alone as the last line.
        List<String> lines = screen.lines().map(l -> l.substring(l.lastIndexOf('\r') + 1)).filter(l -> !l.isBlank())
                .toList();
        JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(summary.get("files").asInt()).isEqualTo(41);
    }

    @Test
    void shouldPrintAProgressLineEveryIntervalInALogAndNoneWhenQuiet() throws Exception {
        BuiltJar.Result logged = BuiltJar.run(folder, List.of(), List.of("import", "--source", "file:in", "--once",
                "--progress-interval", "1", "-Dahibridge.import.batch.max-files=8"), null, COMMAND);

        assertThat(logged.status()).as(String.join("\n", logged.err())).isZero();
        List<String> progress = logged.err().stream().filter(l -> LOGGED.matcher(l).matches()).toList();
        assertThat(progress).as(String.join("\n", logged.err())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(logged.err()).noneMatch(l -> l.contains("\r"));
        JsonNode summary = JSON.readTree(logged.lastOut());
        assertThat(summary.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(summary.get("outcomes").get("IMPORTED").asInt()).isEqualTo(40);
        assertThat(summary.get("outcomes").get("SKIPPED_NOT_P10").asInt()).isEqualTo(1);
        // The contract of the summary line: these fields, in this order.
        List<String> fields = new ArrayList<>();
        summary.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("runId", "state", "source", "datastore", "files", "pending", "jobs",
                "outcomes", "report", "requests", "throttled");

        // As long a run again (new files), which would print as many lines without --quiet.
        SampleStudies.write(folder.resolve("in2"), SampleStudies.instances(16, 2, 2, 10));
        BuiltJar.Result quiet = BuiltJar.run(folder, List.of(), List.of("import", "--source", "file:in2", "--once",
                "--quiet", "--progress-interval", "1", "-Dahibridge.import.batch.max-files=8"), null, COMMAND);

        assertThat(quiet.status()).as(String.join("\n", quiet.err())).isZero();
        assertThat(quiet.err()).noneMatch(l -> l.contains("objects done"));
        assertThat(JSON.readTree(quiet.lastOut()).get("outcomes").get("IMPORTED").asInt()).isEqualTo(40);
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }
}
