package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jar's help and usage errors, as a user sees them: no Spring context is started by any of these. */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    private int run(String command, String... args) {
        return Commands.run(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void shouldPrintTheOverviewWithoutStartingTheService(String help) {
        OptionalInt status = ServiceArgs.check(new String[] {help}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).hasValue(Commands.OK);
        assertThat(out()).contains("usage: java -jar ahi-bridge.jar", "Commands:", "--key=value");
        for (String command : List.of("samples", "import", "export", "redrive", "p10 check", "emulator")) {
            assertThat(out()).containsPattern("(?m)^  " + command + " +\\w");
        }
        assertThat(errLines()).isEmpty();
    }

    @Test
    void shouldLetTheServiceStartWithConfigurationKeysOnly() {
        assertThat(ServiceArgs.check(new String[] {"--ahibridge.ledger.url=jdbc:h2:mem:x", "--debug"},
                new PrintStream(out), new PrintStream(err))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x", "-Dahibridge.ledger.url=x", "stray"})
    void shouldRefuseWhatTheServiceWouldIgnoreSilently(String arg) {
        OptionalInt status = ServiceArgs.check(new String[] {"--a.b=c", arg}, new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).hasValue(Commands.USAGE);
        assertOneLineAndHint("ahi-bridge: ", "see: java -jar ahi-bridge.jar --help");
    }

    static Stream<Arguments> specs() {
        return Stream.of(Arguments.of("samples", List.of(), SamplesCommand.SPEC),
                Arguments.of("import", List.of(), ImportCommand.SPEC),
                Arguments.of("export", List.of(), ExportCommand.SPEC),
                Arguments.of("redrive", List.of(), RedriveCommand.SPEC),
                Arguments.of("p10", List.of("check"), P10CheckCommand.SPEC));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void shouldExplainEveryOptionOnHelp(String command, List<String> before, CommandSpec spec) {
        for (String help : List.of("--help", "-h")) {
            out.reset();
            String[] args = Stream.concat(before.stream(), Stream.of(help)).toArray(String[]::new);

            assertThat(run(command, args)).isEqualTo(Commands.OK);
            assertThat(out()).startsWith("usage: java -jar ahi-bridge.jar " + spec.name());
            spec.options().forEach(o -> assertThat(out()).containsPattern("(?m)^  " + o.label() + " +\\S"));
        }
        assertThat(errLines()).isEmpty();
    }

    @Test
    void shouldPrintACommandsHelpThroughHelpCommand() {
        assertThat(run("help", "import")).isEqualTo(Commands.OK);
        assertThat(out()).startsWith("usage: java -jar ahi-bridge.jar import --source URI");
    }

    @Test
    void shouldPrintTheP10GroupsHelp() {
        assertThat(run("p10", "--help")).isEqualTo(Commands.OK);
        assertThat(out()).contains("p10 check --help");
    }

    @Test
    void shouldRefuseAnUnknownCommandWithoutEchoingIt() {
        assertThat(run("imprt-secret-name", "--once")).isEqualTo(Commands.USAGE);
        assertOneLineAndHint("ahi-bridge: unknown command; the commands are samples, import, export",
                "see: java -jar ahi-bridge.jar --help");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("imprt-secret-name");
    }

    static Stream<Arguments> unknownOptions() {
        return Stream.of(Arguments.of("samples", new String[] {"--out", "x", "--studys", "3"}, "samples"),
                Arguments.of("import", new String[] {"--source", "file:x", "--once", "--verbose"}, "import"),
                Arguments.of("export", new String[] {"--destination", "file:x", "--once", "--patient=DOE^JANE"},
                        "export"),
                Arguments.of("redrive", new String[] {"--limt", "3"}, "redrive"),
                Arguments.of("p10", new String[] {"check", "--verbose", "x"}, "p10 check"));
    }

    @ParameterizedTest
    @MethodSource("unknownOptions")
    void shouldNameAnUnknownOptionInOneLineWithTheHint(String command, String[] args, String name) {
        assertThat(run(command, args)).isEqualTo(Commands.USAGE);
        assertOneLineAndHint(name + ": unknown option '--", "see: java -jar ahi-bridge.jar " + name + " --help");
        // The name up to '=' only: what follows may be patient data.
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("DOE^JANE");
        assertThat(out()).isEmpty();
    }

    static Stream<Arguments> badNumbers() {
        return Stream.of(Arguments.of("samples", "--studies", "1 to 1000"),
                Arguments.of("samples", "--series", "1 to 100"),
                Arguments.of("samples", "--instances", "1 to 10000"),
                Arguments.of("samples", "--seed", "0 to 9223372036854775807"),
                Arguments.of("redrive", "--limit", "1 to 1000000"),
                Arguments.of("export", "--concurrency", "1 to 256"),
                Arguments.of("export", "--frame-threads", "1 to 256"),
                Arguments.of("export", "--frame-window", "1 to 256"));
    }

    @ParameterizedTest
    @MethodSource("badNumbers")
    void shouldSayWhatNumberIsExpectedWithoutEchoingTheValue(String command, String option, String range) {
        for (String bad : List.of("abc", "-7", "1.5", "99999999999999999999")) {
            err.reset();
            String[] args = switch (command) {
                case "samples" -> new String[] {"--out", temp.toString(), option, bad};
                case "export" -> new String[] {"--destination", "file:" + temp, "--once", option, bad};
                default -> new String[] {option, bad};
            };

            assertThat(run(command, args)).isEqualTo(Commands.USAGE);
            assertOneLineAndHint(command + ": " + option + " needs a whole number from " + range,
                    "see: java -jar ahi-bridge.jar " + command + " --help");
            assertThat(errLines().get(0)).doesNotContain(bad);
        }
    }

    @Test
    void shouldNotEchoAStrayArgument() {
        assertThat(run("import", "--source", "file:x", "DOE^JANE", "--once")).isEqualTo(Commands.USAGE);
        assertOneLineAndHint("import: takes no plain arguments, only options (argument 3 is not an option)",
                "see: java -jar ahi-bridge.jar import --help");
    }

    @Test
    void shouldSayAValueIsMissing() {
        assertThat(run("import", "--source", "--once")).isEqualTo(Commands.USAGE);
        assertOneLineAndHint("import: --source needs a value: URI", "see: java -jar ahi-bridge.jar import --help");
    }

    @Test
    void shouldRequireOnce() {
        assertThat(run("export", "--destination", "file:x")).isEqualTo(Commands.USAGE);
        assertOneLineAndHint("export: --once is required", "see: java -jar ahi-bridge.jar export --help");
    }

    @Test
    void shouldNotEchoARejectedFilterValue() {
        assertThat(run("export", "--destination", "file:x", "--once", "--study-uid", "DOE^JANE")).isEqualTo(
                Commands.USAGE);
        assertOneLineAndHint("export: --study-uid must be a DICOM UID (digits and dots)",
                "see: java -jar ahi-bridge.jar export --help");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("DOE^JANE");
    }

    private void assertOneLineAndHint(String problemStart, String hint) {
        assertThat(errLines()).hasSize(2);
        assertThat(errLines().get(0)).startsWith(problemStart);
        assertThat(errLines().get(1)).isEqualTo(hint);
    }
}
