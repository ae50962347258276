package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ahibridge.samples.SampleStudies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour on a fresh machine (issue 11), through the built jar as a user runs it: help that starts
 * nothing, the built-in defaults from any folder, and one clear line for each mistake a newcomer makes.
 */
class FirstHourIT {

    private static final Duration COMMAND = Duration.ofMinutes(3);

    @TempDir
    Path folder;

    @BeforeEach
    void requireTheJar() {
        BuiltJar.assumeBuilt();
    }

    private String ledgerUrl(String name) {
        return "jdbc:h2:file:" + folder.resolve("elsewhere").resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    @Test
    void shouldPrintTheOverviewAndStartNothing() throws Exception {
        for (String help : List.of("--help", "-h", "help")) {
            BuiltJar.Result run = BuiltJar.run(folder, List.of(), List.of(help), null, Duration.ofSeconds(60));

            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("Commands:").anySatisfy(l -> assertThat(l).startsWith("  import "));
            assertThat(run.err()).isEmpty();
        }
        assertThat(folder.resolve("data")).doesNotExist();
    }

    @Test
    void shouldKeepTheLedgerWhereAhibridgeLedgerUrlPointsWithoutAnApplicationYaml() throws Exception {
        SampleStudies.write(folder.resolve("in"), SampleStudies.instances(11, 1, 1, 2));

        BuiltJar.Result run = BuiltJar.run(folder, List.of("-Dahibridge.ledger.url=" + ledgerUrl("ledger")),
                List.of("import", "--source", "file:in", "--once"), null, COMMAND);

        assertThat(run.status()).as(String.join("\n", run.err())).isZero();
        assertThat(run.lastOut()).contains("\"state\":\"COMPLETED\"").contains("\"IMPORTED\":2");
        assertThat(folder.resolve("elsewhere").resolve("ledger.mv.db")).isRegularFile();
        assertThat(folder.resolve("data").resolve("ledger")).doesNotExist();
    }

    @Test
    void shouldRefuseASourceFolderThatDoesNotExistBeforeAnythingMoves() throws Exception {
        Path missing = folder.resolve("no-such-inbox");

        BuiltJar.Result run = BuiltJar.run(folder, List.of("-Dahibridge.ledger.url=" + ledgerUrl("ledger")),
                List.of("import", "--source", "file:" + missing, "--once"), null, COMMAND);

        assertThat(run.status()).isEqualTo(Commands.USAGE);
        assertThat(run.err()).containsExactly("import: the source folder " + missing + " does not exist (source file:"
                + missing + "): create it and put the files there, or correct --source");
        assertThat(run.lastOut()).contains("\"state\":\"ABORTED\"");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldStopTheServiceWhenNoRouteFileIsFound() throws Exception {
        BuiltJar.Result run = BuiltJar.run(folder, List.of("-Dahibridge.ledger.url=" + ledgerUrl("ledger"),
                "-Dahibridge.embedded.enabled=false", "-Dserver.port=0"), List.of(), null, COMMAND);

        assertThat(run.status()).isEqualTo(Commands.USAGE);
        assertThat(run.err()).singleElement().asString().startsWith("ahi-bridge: no route files at"
                + " file:routes/*.camel.yaml (camel.main.routes-include-pattern, working folder ")
                .contains(folder.toRealPath().toString(), "start the service from the folder that holds routes/");
        assertThat(String.join("\n", run.out())).doesNotContain("Application run failed", "\tat ");
    }

    @Test
    void shouldSayInOneLineThatTheLedgerIsInUse() throws Exception {
        copyRoutes();
        String url = ledgerUrl("held");
        try (Connection held = DriverManager.getConnection(url, "sa", "")) {
            String expected = "the ledger at " + folder.resolve("elsewhere").resolve("held.mv.db")
                    + " is in use by another ahi-bridge process (the service?): stop it, or use PostgreSQL"
                    + " (ahibridge.ledger.url) to run several processes";
            BuiltJar.Result command = BuiltJar.run(folder, List.of("-Dahibridge.ledger.url=" + url),
                    List.of("import", "--source", "file:" + folder, "--once"), null, COMMAND);
            BuiltJar.Result service = BuiltJar.run(folder, List.of("-Dahibridge.ledger.url=" + url,
                    "-Dahibridge.embedded.enabled=false", "-Dserver.port=0"), List.of(), null, COMMAND);

            assertThat(command.status()).isEqualTo(Commands.FAILED);
            assertThat(command.err()).containsExactly("import: " + expected);
            assertThat(service.status()).isEqualTo(Commands.FAILED);
            assertThat(service.err()).containsExactly("ahi-bridge: " + expected);
            assertThat(String.join("\n", service.out())).doesNotContain("\tat ", "server mode");
        }
    }

    @Test
    void shouldNameTheTakenPortOfTheEmulator() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            BuiltJar.Result run = BuiltJar.run(folder, List.of(), List.of("emulator", "--port", "0", "--s3-port",
                    Integer.toString(port), "--sqs-port", "0", "--dicomweb-port", "0"), null,
                    Duration.ofSeconds(60));

            assertThat(run.status()).isEqualTo(Commands.FAILED);
            assertThat(run.err()).singleElement().asString().contains("port " + port + " on 127.0.0.1 is already in use")
                    .endsWith("(set --s3-port)");
        }
    }

    @Test
    void shouldSayInOneLineThatNoAwsCredentialsWereFound() throws Exception {
        SampleStudies.write(folder.resolve("in"), SampleStudies.instances(12, 1, 1, 1));
        Files.writeString(folder.resolve("application.yaml"), String.join("\n",
                "ahibridge:",
                "  ledger:",
                "    url: \"" + ledgerUrl("ledger") + "\"",
                "  datastores:",
                "    prod:",
                "      datastore-id: 0123456789abcdef0123456789abcdef",
                "      region: eu-west-1",
                "      data-access-role-arn: arn:aws:iam::123456789012:role/ImportJobDataAccessRole",
                "      staging: s3://staging-bucket/ahi-staging/",
                "      output: s3://output-bucket/ahi-output/",
                "      access: read-write", ""));
        Path home = Files.createDirectories(folder.resolve("home"));
        // Nothing but a JVM: no AWS variables, a HOME without ~/.aws, and no instance metadata service to ask
        // (this machine must send nothing beyond loopback).
        Map<String, String> empty = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "JAVA_HOME", System.getProperty("java.home"), "HOME", home.toString(),
                "AWS_EC2_METADATA_DISABLED", "true");

        BuiltJar.Result run = BuiltJar.run(folder, List.of("-Duser.home=" + home),
                List.of("import", "--source", "file:in", "--datastore", "prod", "--once"), empty, COMMAND);

        assertThat(run.status()).isEqualTo(Commands.FAILED);
        assertThat(run.err()).containsExactly("import: no AWS credentials for datastore 'prod'"
                + " (ahibridge.datastores.prod) were found through the AWS default credentials chain: set AWS_PROFILE"
                + " (a profile in ~/.aws), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance,"
                + " task or pod role applies");
        assertThat(String.join("\n", run.out())).doesNotContain("AwsCredentialsProviderChain");
    }

    private void copyRoutes() throws IOException {
        Path routes = Files.createDirectories(folder.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
    }
}
