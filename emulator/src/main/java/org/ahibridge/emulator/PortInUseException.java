package org.ahibridge.emulator;

import java.io.IOException;

/** A port the emulator was told to use is taken: the message names it and what to do. */
public final class PortInUseException extends IOException {

    private final int port;

    public PortInUseException(String host, int port) {
        super("port " + port + " on " + host + " is already in use: stop what listens there, or choose another port"
                + " (0 = any free port)");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
