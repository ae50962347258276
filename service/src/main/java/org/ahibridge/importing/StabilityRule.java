package org.ahibridge.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.ahibridge.ledger.SeenObject;
import org.ahibridge.storage.BlobInfo;

/**
 * Decides whether a listed object may be taken (the two-scan rule of CTP, docs/design.md §8):
 * temporary names are skipped; an object is taken when an earlier listing pass saw it with
 * the same version and size, or when it was last modified at least {@code stableAfter} ago; otherwise
 * the listing waits for the next pass.
 */
public final class StabilityRule {

    /** What to do with a listed object. */
    public enum Decision {
        TAKE,
        WAIT,
        SKIP_TEMPORARY
    }

    private final Duration stableAfter;
    private final TemporaryNames temporaryNames;

    public StabilityRule(Duration stableAfter, TemporaryNames temporaryNames) {
        this.stableAfter = Objects.requireNonNull(stableAfter, "stableAfter");
        this.temporaryNames = Objects.requireNonNull(temporaryNames, "temporaryNames");
    }

    /**
     * @param previous    the object as an earlier sighting recorded it, if any
     * @param currentPass the listing pass that reported {@code object}
     */
    public Decision decide(BlobInfo object, Optional<SeenObject> previous, long currentPass, Instant now) {
        if (temporaryNames.isTemporary(object.key())) {
            return Decision.SKIP_TEMPORARY;
        }
        if (object.lastModified() != null && !object.lastModified().plus(stableAfter).isAfter(now)) {
            return Decision.TAKE;
        }
        boolean unchangedSinceEarlierPass = previous.filter(seen -> seen.passNumber() < currentPass
                && seen.version().equals(object.version()) && seen.size() == object.size()).isPresent();
        return unchangedSinceEarlierPass ? Decision.TAKE : Decision.WAIT;
    }
}
