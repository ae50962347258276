package org.ahibridge.emulator.http;

/**
 * Settings of the JDK's {@code com.sun.net.httpserver} that the emulator's servers need. The JDK reads
 * them from system properties once, when the first server of the JVM starts, so they are set before
 * every server start, and only where the user (or an embedding program) has not chosen a value:
 * <ul>
 *   <li>{@code sun.net.httpserver.nodelay=true}: without it every emulated AWS call waits for Nagle's
 *       delayed ACK (about 48 ms instead of 6 ms).</li>
 *   <li>{@code sun.net.httpserver.maxReqTime}: seconds a client may take from the first byte of a request
 *       to the last byte of its body; then the server closes the connection, which also frees the
 *       thread that was reading it. Without it a client that stops sending holds a thread forever.
 *       Every body the emulator accepts is at most a few MiB, sent in well under a second on a loopback
 *       or LAN connection.</li>
 *   <li>{@code sun.net.httpserver.maxRspTime}: seconds from the end of a request to the end of its
 *       response, for clients that stop reading. Generous, since a frame may be up to 256 MiB.</li>
 * </ul>
 * The timer that enforces both runs once a second, so a stalled client is dropped within a second of
 * its deadline.
 */
public final class JdkHttpServerDefaults {

    public static final String REQUEST_TIMEOUT_PROPERTY = "sun.net.httpserver.maxReqTime";
    public static final String RESPONSE_TIMEOUT_PROPERTY = "sun.net.httpserver.maxRspTime";
    public static final long REQUEST_TIMEOUT_SECONDS = 30;
    public static final long RESPONSE_TIMEOUT_SECONDS = 300;

    private JdkHttpServerDefaults() {
    }

    public static void apply() {
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent(REQUEST_TIMEOUT_PROPERTY, Long.toString(REQUEST_TIMEOUT_SECONDS));
        setIfAbsent(RESPONSE_TIMEOUT_PROPERTY, Long.toString(RESPONSE_TIMEOUT_SECONDS));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
