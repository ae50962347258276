package org.ahibridge.emulator.ahi;

import java.util.UUID;

/** Identifiers in the AHI formats: 32 lower-case hex characters (docs/aws-healthimaging.md §1.5). */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
