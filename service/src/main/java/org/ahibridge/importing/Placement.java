package org.ahibridge.importing;

/**
 * Where {@link BatchAssembler#add} put a file: into a batch (which may have been sealed by this very
 * file), nowhere because it is too large for any import job (the file is now FAILED with the reason),
 * or nowhere because another worker took it first.
 */
public record Placement(Kind kind, String batchId, boolean sealedBatch, String reason) {

    public enum Kind {
        ADDED,
        TOO_LARGE,
        TAKEN_ELSEWHERE
    }

    static Placement added(String batchId, boolean sealed) {
        return new Placement(Kind.ADDED, batchId, sealed, null);
    }

    static Placement tooLarge(String reason) {
        return new Placement(Kind.TOO_LARGE, null, false, reason);
    }

    static Placement takenElsewhere() {
        return new Placement(Kind.TAKEN_ELSEWHERE, null, false, null);
    }
}
