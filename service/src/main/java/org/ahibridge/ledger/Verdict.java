package org.ahibridge.ledger;

/**
 * The P10 classification of an object as the ledger records it (docs/design.md §1 step 2): compliant or
 * not, a reason code and message when not, and the UIDs read from the header. Never patient data.
 */
public record Verdict(boolean compliant, String reason, String message, String sopInstanceUid,
        String studyInstanceUid, String seriesInstanceUid, String transferSyntaxUid) {

    public static Verdict compliant(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
            String transferSyntaxUid) {
        return new Verdict(true, null, null, sopInstanceUid, studyInstanceUid, seriesInstanceUid, transferSyntaxUid);
    }

    public static Verdict notCompliant(String reason, String message) {
        return new Verdict(false, reason, message, null, null, null, null);
    }
}
