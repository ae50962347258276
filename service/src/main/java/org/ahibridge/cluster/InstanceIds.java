package org.ahibridge.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names of service instances, as they appear in lease columns and the Quartz scheduler state. */
final class InstanceIds {

    private InstanceIds() {
    }

    /** The configured id, or host name, process id and a random suffix. */
    static String resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        if (host.length() > 80) {
            host = host.substring(0, 80);
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
