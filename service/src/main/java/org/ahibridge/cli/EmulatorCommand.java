package org.ahibridge.cli;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code emulator [--port 4599] [--s3-port 4566] [--sqs-port 4576] [--data-dir DIR] [--host 127.0.0.1]
 * [--latency 10ms]}: runs the standalone emulator ({@code emulators/ahi-emulator.jar} beside the service jar) in
 * this JVM, in a class loader of its own. Its SQS server (ElasticMQ and its Scala runtime) is on that jar's
 * class path, never on the service's.
 */
public final class EmulatorCommand implements Command {

    static final String SUMMARY = "runs a local AWS HealthImaging, EventBridge, S3 and SQS until stopped";
    static final String JAR_PROPERTY = "ahibridge.emulator.jar";
    private static final String MAIN = "org.ahibridge.emulator.EmulatorMain";

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Path jar = locateJar();
        if (jar == null) {
            err.println("ahi-bridge emulator: the standalone emulator is missing (looked for " + candidates()
                    + "); build it with `mvn -B package -DskipTests`, or set -D" + JAR_PROPERTY + "=PATH");
            return Commands.FAILED;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Not closed: the emulator's threads keep using it until the JVM stops.
        URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, ClassLoader.getPlatformClassLoader());
        thread.setContextClassLoader(loader);
        try {
            Method run = loader.loadClass(MAIN).getMethod("run", String.class, String[].class, PrintStream.class,
                    PrintStream.class);
            int status = (int) run.invoke(null, "java -jar ahi-bridge.jar emulator", args, out, err);
            return status < 0 ? Commands.KEEP_RUNNING : status;
        } catch (InvocationTargetException e) {
            err.println("ahi-bridge emulator: cannot start: " + e.getCause() + "; if target/emulators is incomplete,"
                    + " rebuild with `mvn -B package -DskipTests`");
            return Commands.FAILED;
        } catch (ReflectiveOperationException e) {
            err.println("ahi-bridge emulator: " + jar + " is not the standalone emulator of this version (" + e
                    + "); rebuild with `mvn -B package -DskipTests`");
            return Commands.FAILED;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Path locateJar() {
        return candidates().stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The -D property, then emulators/ beside the service jar (the deployment folder), then target/emulators. */
    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                Path parent = Path.of(entry).toAbsolutePath().getParent();
                candidates.add(parent.resolve("emulators").resolve("ahi-emulator.jar"));
            }
        }
        candidates.add(Path.of("target", "emulators", "ahi-emulator.jar"));
        return candidates;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
