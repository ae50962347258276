package org.ahibridge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.emulator.EmulatorEndpoints;

/**
 * {@code emulator [--port 4599] [--s3-port 4566] [--sqs-port 4576] [--data-dir DIR] [--host 127.0.0.1]}
 * (DESIGN.md §6): runs the local AHI + EventBridge emulator with its S3 and SQS servers until the JVM
 * is stopped, and prints the endpoints and the settings a client needs (docs/emulator.md).
 */
public final class EmulatorCommand implements Command {

    static final String USAGE = "usage: java -jar ahi-bridge.jar emulator [--port 4599] [--s3-port 4566] "
            + "[--sqs-port 4576] [--data-dir DIR] [--host 127.0.0.1]   (port 0 = any free port)";

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        EmulatorConfig config = EmulatorConfig.ephemeral().withPorts(EmulatorConfig.DEFAULT_AHI_PORT,
                EmulatorConfig.DEFAULT_S3_PORT, EmulatorConfig.DEFAULT_SQS_PORT);
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    out.println(USAGE);
                    return Commands.OK;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = args[++i];
                config = switch (option) {
                    case "--port" -> config.withPorts(port(value), config.s3Port(), config.sqsPort());
                    case "--s3-port" -> config.withPorts(config.ahiPort(), port(value), config.sqsPort());
                    case "--sqs-port" -> config.withPorts(config.ahiPort(), config.s3Port(), port(value));
                    case "--data-dir" -> config.withDataDir(Path.of(value).toAbsolutePath());
                    case "--host" -> config.withHost(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                };
            }
        } catch (IllegalArgumentException e) {
            err.println("ahi-bridge emulator: " + e.getMessage());
            err.println(USAGE);
            return Commands.USAGE;
        }
        long started = System.nanoTime();
        Emulator emulator;
        try {
            emulator = Emulator.start(config);
        } catch (Exception e) {
            err.println("ahi-bridge emulator: cannot start: " + e.getMessage());
            return Commands.FAILED;
        }
        keepRunningUntilShutdown(emulator);
        print(out, emulator.endpoints(), config, (System.nanoTime() - started) / 1_000_000);
        return Commands.KEEP_RUNNING;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a port number: " + value);
    }

    /** A non-daemon thread holds the JVM up; the shutdown hook (Ctrl-C, SIGTERM) stops the emulator. */
    private static void keepRunningUntilShutdown(Emulator emulator) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread keeper = new Thread(() -> {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emulator-keepalive");
        keeper.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
    }

    private static void print(PrintStream out, EmulatorEndpoints e, EmulatorConfig config, long millis) {
        out.println("ahi-bridge emulator ready in " + millis + " ms"
                + (config.dataDir() == null ? " (state in memory)" : " (state in " + config.dataDir() + ")"));
        out.println("  AWS HealthImaging + EventBridge  " + e.ahi());
        out.println("  S3 (path-style access)           " + e.s3());
        out.println("  SQS                              " + e.sqs());
        out.println("  region " + e.region() + ", account " + e.accountId() + ", any access key and secret");
        out.println("Client settings (docs/emulator.md):");
        out.println("  export AWS_REGION=" + e.region() + " AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator");
        out.println("  export AWS_ENDPOINT_URL_MEDICAL_IMAGING=" + e.ahi() + " AWS_ENDPOINT_URL_EVENTBRIDGE="
                + e.eventBridge());
        out.println("  export AWS_ENDPOINT_URL_S3=" + e.s3() + " AWS_ENDPOINT_URL_SQS=" + e.sqs());
        out.println("  export AWS_DISABLE_HOST_PREFIX_INJECTION=true   # AWS CLI; else AHI runtime calls go to runtime-<host>");
        out.println("  Java SDK: putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);"
                + " boto3: Config(inject_host_prefix=False); S3: path-style access");
        out.println("Stop with Ctrl-C.");
        out.println("EMULATOR_READY {\"ahi\":\"" + e.ahi() + "\",\"eventBridge\":\"" + e.eventBridge() + "\",\"s3\":\""
                + e.s3() + "\",\"sqs\":\"" + e.sqs() + "\",\"region\":\"" + e.region() + "\"}");
        out.flush();
    }
}
