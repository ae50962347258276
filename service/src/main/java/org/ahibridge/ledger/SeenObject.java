package org.ahibridge.ledger;

import java.time.Instant;

/** An object a listing saw but did not take yet, as it looked then, and in which pass. */
public record SeenObject(String storage, String key, String version, long size, long passNumber,
        Instant firstSeenAt) {
}
