package org.ahibridge.importing;

/**
 * What to do when AHI puts imported instances into a non-primary image set because their metadata
 * conflicts with an existing primary image set ({@code isPrimary: false}, docs/aws-healthimaging.md §7.1). The file's
 * outcome stays IMPORTED either way; the policy decides the follow-up.
 *
 * <ul>
 * <li>{@link #REPORT}: send the file and its image set to the reconciliation endpoint and list it in
 * the run report (default);
 * <li>{@link #TAG}: also tag the image set in AHI ({@code TagResource}) so it can be found later;
 * <li>{@link #LEAVE}: record it in the audit only.
 * </ul>
 */
public enum NonPrimaryPolicy {
    REPORT,
    TAG,
    LEAVE
}
