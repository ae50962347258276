package org.ahibridge.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * How ahi-bridge identifies itself in the File Meta Information of the files it writes (PS3.10 §7.1,
 * PS3.7 Annex D.3.3.2): an Implementation Class UID and an Implementation Version Name.
 *
 * <p>The class UID sits under the {@code 2.25} root, which turns a UUID into a UID without a
 * registered organisation root (PS3.5 §B.2). The UUID was generated once and is fixed for good.
 */
public final class Implementation {

    /** The fixed UUID behind {@link #CLASS_UID}. */
    public static final UUID UUID_OF_CLASS = UUID.fromString("a50a5e83-a195-4a47-ac56-a08ae9f1856c");

    /** (0002,0012) Implementation Class UID: {@code 2.25.} and the UUID as one unsigned decimal integer. */
    public static final String CLASS_UID = "2.25." + unsigned(UUID_OF_CLASS);

    /** (0002,0013) Implementation Version Name (SH, at most 16 characters). */
    public static final String VERSION_NAME = "AHIBRIDGE_0_1";

    private Implementation() {
    }

    private static String unsigned(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return new BigInteger(1, bytes.array()).toString();
    }
}
