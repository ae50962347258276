package org.ahibridge.dicom;

/**
 * The UID syntax of PS3.5 §9.1: at most 64 characters, components of digits separated by '.', no
 * empty component and no leading zero in a component of more than one digit.
 *
 * <p>A value read from a UID element is whatever the file's length field says it is: a hostile or
 * broken length can pull the following elements (a patient's name, their ID) into it. So a value that
 * is not a valid UID is never shown: callers print {@link #shown} (null) or a message naming the
 * defect, never the value.
 */
public final class Uids {

    /** Longest UID, PS3.5 §9.1. */
    public static final int MAX_LENGTH = 64;

    private Uids() {
    }

    /** True when {@code uid} is a valid UID. */
    public static boolean isValid(String uid) {
        return uid != null && defect(uid) == null;
    }

    /** The value when it is a valid UID, else null: the only form of a read UID that may be printed. */
    public static String shown(String uid) {
        return isValid(uid) ? uid : null;
    }

    /** What makes the value not a UID, without quoting any of it; null when it is one. */
    public static String defect(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "it is empty";
        }
        if (uid.length() > MAX_LENGTH) {
            return "it is " + uid.length() + " characters long, more than " + MAX_LENGTH;
        }
        int component = 1;
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                if (i == componentStart) {
                    return "component " + component + " is empty";
                }
                if (uid.charAt(componentStart) == '0' && i - componentStart > 1) {
                    return "component " + component + " has a leading zero";
                }
                component++;
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return "character " + (i + 1) + " is not a digit or '.'";
            }
        }
        return null;
    }
}
