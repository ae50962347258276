package org.ahibridge.storage;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one access check (docs/design.md §2): every read and write, whatever registration or ad-hoc URI it goes
 * through, obeys the mode of the registration it goes through <em>and</em> of every configured
 * registration the place lies in; reading a whole tree (listing a source) also obeys every
 * registration that lies inside the tree. So with {@code s3://b/wo/} registered {@code write}, neither
 * {@code s3://b/} nor {@code s3://b/wo/x/} can be read, and with {@code file:data/ro} registered
 * {@code read}, nothing can be written below it through {@code file:data}.
 *
 * <p>{@link AccessGuard} (the up-front checks of a command or route) and {@link GuardedBlobStore}
 * (every store call, so every key an export template expands to) both call this class. Places are
 * compared as {@link StoragePlace} says: symbolic links, case and normal-form rules of folders,
 * {@code ..} and empty segments. Messages name registrations, their locations and modes, never an
 * object key: keys can carry patient names.
 */
public final class AccessRules {

    /** How much of the storage an operation touches, below the place it names. */
    public enum Reach {
        /** One object. */
        OBJECT,
        /** A folder and objects below it, each checked again when touched (an export destination). */
        FOLDER,
        /** A folder and everything below it at once (listing a source, tagging all its objects). */
        TREE
    }

    /** Only the mode of the registration an operation goes through: for stores opened outside a service. */
    public static final AccessRules NONE = new AccessRules(List.of());

    private final List<StorageRegistration> registered;

    private AccessRules(List<StorageRegistration> registered) {
        this.registered = registered;
    }

    /** The rules of these registrations; ad-hoc ones (URIs on a command line) restrict nothing. */
    public static AccessRules of(Collection<StorageRegistration> registrations) {
        return new AccessRules(registrations.stream().filter(r -> !r.adHoc())
                .sorted(Comparator.comparing(StorageRegistration::name)).toList());
    }

    /** Refuses a read of {@code relative} below {@code via}'s location unless every rule allows it. */
    public void requireReadable(StorageRegistration via, String relative, Reach reach, String purpose) {
        require(via, relative, reach, false, purpose);
    }

    /** Refuses a write of {@code relative} below {@code via}'s location unless every rule allows it. */
    public void requireWritable(StorageRegistration via, String relative, Reach reach, String purpose) {
        require(via, relative, reach, true, purpose);
    }

    private void require(StorageRegistration via, String relative, Reach reach, boolean write, String purpose) {
        Objects.requireNonNull(via, "via");
        if (!allows(via.access(), write)) {
            throw new AccessModeException(describe(via) + ", so it cannot be " + verb(write) + " " + purpose
                    + "; nothing was transferred. To allow it, set " + via.configurationKey() + ".access to"
                    + " read-write.");
        }
        List<StoragePlace> places = null;
        for (StorageRegistration registration : registered) {
            if (allows(registration.access(), write) || registration.equals(via)) {
                continue;
            }
            if (places == null) {
                places = StoragePlace.of(via.location(), relative, reach != Reach.OBJECT);
            }
            List<StoragePlace> protectedPlaces = StoragePlace.of(registration.location(), "", true);
            if (anyContains(protectedPlaces, places)) {
                throw overlap(registration, "lies inside it", via, relative, reach, write, purpose);
            }
            if (reach == Reach.TREE && anyContains(places, protectedPlaces)) {
                throw overlap(registration, "lies inside", via, relative, reach, write, purpose);
            }
        }
    }

    private static boolean anyContains(List<StoragePlace> outer, List<StoragePlace> inner) {
        return outer.stream().anyMatch(o -> inner.stream().anyMatch(o::contains));
    }

    private static AccessModeException overlap(StorageRegistration registration, String relation,
            StorageRegistration via, String relative, Reach reach, boolean write, String purpose) {
        String place = reach == Reach.OBJECT ? "an object of " + via.location().uri()
                : via.location().uri() + (relative == null ? "" : relative);
        String how = relation.equals("lies inside it") ? place + " lies inside it"
                : "it lies inside " + place;
        return new AccessModeException(describe(registration) + " at " + registration.location().uri() + ", and "
                + how + ", so " + (reach == Reach.OBJECT ? "that object" : place) + " cannot be " + verb(write)
                + " " + purpose + "; nothing was transferred. Use a location that does not overlap it, or set "
                + registration.configurationKey() + ".access to read-write.");
    }

    private static boolean allows(AccessMode mode, boolean write) {
        return write ? mode.canWrite() : mode.canRead();
    }

    private static String verb(boolean write) {
        return write ? "written" : "read";
    }

    private static String describe(StorageRegistration registration) {
        String only = registration.access() == AccessMode.READ ? "read-only" : "write-only";
        return "storage '" + registration.name() + "' is registered " + only + " (access: "
                + registration.access().label() + ")";
    }
}
