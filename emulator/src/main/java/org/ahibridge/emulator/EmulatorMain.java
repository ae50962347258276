package org.ahibridge.emulator;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahibridge.emulator.http.JdkHttpServerDefaults;
import org.ahibridge.emulator.s3.S3Server;

/**
 * The standalone emulator: {@code java -jar ahi-emulator.jar [--port 4599] [--s3-port 4566] [--sqs-port 4576]
 * [--dicomweb-port 4598] [--data-dir DIR] [--host 127.0.0.1] [--latency 10ms]}, also run by the service jar's
 * {@code emulator} command. Runs the local AHI + EventBridge (and AHI's DICOMweb endpoint) with its S3 and SQS
 * servers until the JVM is stopped, and prints the endpoints and the settings a client needs (docs/emulator.md).
 */
public final class EmulatorMain {

    /** Returned by {@link #run} when the emulator is serving: the JVM must not exit. */
    public static final int KEEP_RUNNING = -1;
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("--port", "--s3-port", "--sqs-port",
            "--data-dir", "--host", "--dicomweb-port", "--latency");

    /** More than any network to a cloud region; a larger value is surely a mistyped unit. */
    private static final Duration MAX_LATENCY = Duration.ofSeconds(60);
    private static final Pattern LATENCY = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,6})?)(ms|us|s)?");

    private EmulatorMain() {
    }

    /** An unknown option as typed up to '=', cut short: a name, never a value. */
    private static String quoted(String option) {
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        return "'" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'";
    }

    public static void main(String[] args) {
        int status = run("java -jar ahi-emulator.jar", args, System.out, System.err);
        if (status != KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /**
     * Parses {@code args}, starts the emulator and returns {@link #KEEP_RUNNING}, or returns an exit status.
     *
     * @param program how the user ran it, for the usage line
     */
    public static int run(String program, String[] args, PrintStream out, PrintStream err) {
        // The JDK HTTP server reads its settings once, when the first server starts.
        JdkHttpServerDefaults.apply();
        String usage = "usage: " + program + " [--port 4599] [--s3-port 4566] [--sqs-port 4576] [--data-dir DIR]"
                + " [--host 127.0.0.1] [--dicomweb-port 4598] [--latency 10ms]";
        EmulatorConfig config = EmulatorConfig.ephemeral().withPorts(EmulatorConfig.DEFAULT_AHI_PORT,
                EmulatorConfig.DEFAULT_S3_PORT, EmulatorConfig.DEFAULT_SQS_PORT)
                .withDicomWebPort(EmulatorConfig.DEFAULT_DICOMWEB_PORT);
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    help(out, usage);
                    return OK;
                }
                if (!OPTIONS.contains(option)) {
                    throw new IllegalArgumentException("unknown option " + quoted(option) + " (see --help)");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value (see --help)");
                }
                String value = args[++i];
                config = switch (option) {
                    case "--port" -> config.withPorts(port(option, value), config.s3Port(), config.sqsPort());
                    case "--s3-port" -> config.withPorts(config.ahiPort(), port(option, value), config.sqsPort());
                    case "--sqs-port" -> config.withPorts(config.ahiPort(), config.s3Port(), port(option, value));
                    case "--data-dir" -> config.withDataDir(Path.of(value).toAbsolutePath());
                    case "--host" -> config.withHost(value);
                    case "--dicomweb-port" -> config.withDicomWebPort(port(option, value));
                    case "--latency" -> config.withLatency(latency(value));
                    default -> throw new IllegalStateException("an option without a case: " + option);
                };
            }
        } catch (IllegalArgumentException e) {
            err.println("emulator: " + e.getMessage());
            err.println(usage);
            return USAGE;
        }
        long started = System.nanoTime();
        Emulator emulator;
        try {
            requireFreePorts(config);
            emulator = Emulator.start(config);
        } catch (PortInUseException e) {
            err.println("emulator: cannot start: " + e.getMessage() + " (" + optionFor(config, e.port()) + ")");
            return FAILED;
        } catch (Exception e) {
            err.println("emulator: cannot start: " + e.getMessage());
            return FAILED;
        }
        keepRunningUntilShutdown(emulator);
        print(out, emulator.endpoints(), config, (System.nanoTime() - started) / 1_000_000);
        return KEEP_RUNNING;
    }

    private static void help(PrintStream out, String usage) {
        out.println(usage);
        out.println();
        out.println("Runs a local AWS HealthImaging with EventBridge, an S3 server (s3proxy) and an SQS server");
        out.println("(ElasticMQ) on loopback until stopped with Ctrl-C. Any credentials are accepted.");
        out.println();
        out.println("  --port N        AWS HealthImaging and EventBridge (default 4599)");
        out.println("  --s3-port N     S3, path-style access (default 4566)");
        out.println("  --sqs-port N    SQS (default 4576)");
        out.println("  --data-dir DIR  keep datastores, image sets, buckets and rules in DIR across restarts");
        out.println("                  (default: in memory)");
        out.println("  --host ADDRESS  the address to listen on (default 127.0.0.1)");
        out.println("  --dicomweb-port N  AWS HealthImaging's DICOMweb (WADO-RS, QIDO-RS, STOW-RS; default 4598)");
        out.println("  --latency T     delay every byte to and from the AHI, EventBridge, S3, SQS and DICOMweb ports by T each");
        out.println("                  way, as a network to AWS would (10ms: 20 ms per request), without limiting");
        out.println("                  concurrency; a new connection also pays one round trip. The emulator's own");
        out.println("                  calls are not delayed. T is 0, or a number with ms, us or s (10ms, 0.5ms);");
        out.println("                  0 keeps the proxies with no delay (default: no proxies)");
        out.println("A port of 0 picks any free port; the ready line names the ports taken.");
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, without the value: it may be anything
        }
        throw new IllegalArgumentException(option + " needs a port number from 0 to 65535");
    }

    /** A one-way delay: 0, or a decimal number with a unit of ms, us or s. */
    static Duration latency(String value) {
        Matcher m = LATENCY.matcher(value.trim());
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            String unit = m.group(2);
            if (unit == null && amount.signum() == 0) {
                return Duration.ZERO;
            }
            if (unit != null) {
                BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (unit) {
                    case "s" -> 1_000_000_000L;
                    case "ms" -> 1_000_000L;
                    default -> 1_000L;
                });
                Duration latency = Duration.ofNanos(amount.multiply(nanosPerUnit).longValue());
                if (latency.compareTo(MAX_LATENCY) <= 0) {
                    return latency;
                }
            }
        }
        throw new IllegalArgumentException("--latency needs 0 or a delay up to 60s with a unit: 10ms, 500us, 0.5s");
    }

    private static void requireFreePorts(EmulatorConfig config) throws java.io.IOException {
        for (int port : new int[] {config.ahiPort(), config.s3Port(), config.sqsPort(), config.dicomWebPort()}) {
            if (port > 0) {
                S3Server.requireFree(config.host(), port);
            }
        }
    }

    private static String optionFor(EmulatorConfig config, int port) {
        String option = port == config.ahiPort() ? "--port" : port == config.s3Port() ? "--s3-port"
                : port == config.dicomWebPort() ? "--dicomweb-port" : "--sqs-port";
        return "set " + option;
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

    /** Milliseconds as a plain decimal: 10, 0.5. */
    private static String millis(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString();
    }

    private static void print(PrintStream out, EmulatorEndpoints e, EmulatorConfig config, long millis) {
        out.println("ahi-bridge emulator ready in " + millis + " ms"
                + (config.dataDir() == null ? " (state in memory)" : " (state in " + config.dataDir() + ")"));
        out.println("  AWS HealthImaging + EventBridge  " + e.ahi());
        out.println("  AWS HealthImaging DICOMweb       " + e.dicomWeb() + "/datastore/<id>/studies");
        out.println("  S3 (path-style access)           " + e.s3());
        out.println("  SQS                              " + e.sqs());
        if (config.delayed()) {
            out.println("  every request to these ports is delayed " + millis(config.latency())
                    + " ms each way (round trip " + millis(config.latency().multipliedBy(2))
                    + " ms); the emulator's own calls are not");
        }
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
                + e.s3() + "\",\"sqs\":\"" + e.sqs() + "\",\"region\":\"" + e.region() + "\",\"dicomWeb\":\""
                + e.dicomWeb() + "\""
                + (config.delayed() ? ",\"latencyMillis\":" + millis(config.latency()) : "") + "}");
        out.flush();
    }
}
