package org.ahibridge.exporting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.storage.AccessGuard;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageSelection;

/**
 * Opens an export run on the service's own beans: the registrations (the embedded default's {@code local}
 * included), the access check (the datastore must allow {@code read}, the destination {@code write}; refused
 * before any data moves), the destination store, the shared AHI operations of the datastore, and for
 * incremental runs the persisted watermark.
 */
public final class ExportStarter {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Registrations registrations;
    private final BlobStores stores;
    private final AhiTemplates ahi;
    private final ExportWatermarks watermarks;
    private final Clock clock;

    public ExportStarter(Registrations registrations, BlobStores stores, AhiTemplates ahi, ExportWatermarks watermarks,
            Clock clock) {
        this.registrations = registrations;
        this.stores = stores;
        this.ahi = ahi;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    /**
     * What can be known wrong before the run: an unknown datastore or storage, an access mode that forbids the
     * export ({@link org.ahibridge.storage.AccessModeException}), a decoder that is not installed.
     */
    public void check(ExportRequest request) {
        DatastoreRegistration datastore = registrations.datastore(request.datastore());
        AccessGuard.requireExport(datastore, registrations.resolveStorage(request.destination()));
        if (request.transferSyntax() == OutputSyntax.EXPLICIT_VR_LITTLE_ENDIAN && FrameCodecs.decoder().isEmpty()) {
            throw new StartupProblem("--transfer-syntax explicit-vr-little-endian decodes HTJ2K and JPEG 2000 frames"
                    + " with " + FrameCodecs.decoderRequirement() + ", which is not installed: run"
                    + " 'sudo apt-get install libopenjp2-7', or export with --transfer-syntax stored", true);
        }
    }

    ExportRun start(ExportRequest request) {
        check(request);
        StorageSelection destination = registrations.resolveStorage(request.destination());
        DatastoreRegistration datastore = registrations.datastore(request.datastore());
        ExportTarget target = new ExportTarget(stores.open(destination.registration()),
                destination.registration().name(), destination.prefix(), request.template(), request.policy(),
                datastore.name(), datastore.datastoreId());
        ExportRequest resumed = request;
        if (request.incremental()) {
            Optional<Instant> mark = watermarks.get(datastore.name(), destinationId(destination));
            if (mark.isPresent()) {
                resumed = new ExportRequest(request.datastore(), request.destination(),
                        request.selection().updatedSince(mark.get()), request.template(), request.policy(), true,
                        request.transferSyntax());
            }
        }
        Instant now = clock.instant();
        String runId = "export-" + RUN_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new ExportRun(runId, resumed, AhiReader.of(ahi.forDatastore(datastore), datastore.datastoreId()),
                target, now, destinationId(destination));
    }

    /** The watermark's destination: the storage's location and the prefix inside it. */
    private static String destinationId(StorageSelection destination) {
        return destination.registration().location().uri() + destination.prefix();
    }
}
