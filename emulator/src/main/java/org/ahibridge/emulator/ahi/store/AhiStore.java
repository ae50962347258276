package org.ahibridge.emulator.ahi.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.Json;

/**
 * The emulator's state: data stores, import jobs and image sets, plus frames and metadata documents
 * in a {@link BlobStore}. Every method is synchronized on the store (one lock is plenty for an
 * emulator). With a data directory, every change rewrites {@code state.json} atomically
 * (write-through), and blobs live in files beside it.
 */
public final class AhiStore {

    /** The snapshot written to {@code state.json}. */
    record State(List<Datastore> datastores, List<ImportJob> jobs, List<ImageSet> imageSets) {
    }

    private final Map<String, Datastore> datastores = new LinkedHashMap<>();
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    private final Map<String, ImageSet> imageSets = new LinkedHashMap<>();
    private final BlobStore blobs;
    private final Path stateFile;

    private AhiStore(BlobStore blobs, Path stateFile) {
        this.blobs = blobs;
        this.stateFile = stateFile;
    }

    /**
     * Frames and metadata documents an in-memory store keeps in the heap; beyond that they go to a
     * temporary folder (see {@link #close()}), so importing a multi-gigabyte object does not need a
     * multi-gigabyte heap.
     */
    public static final long MEMORY_BLOB_BYTES = 256L << 20;

    public static AhiStore inMemory() {
        return new AhiStore(BlobStore.inMemoryUpTo(MEMORY_BLOB_BYTES), null);
    }

    /**
     * A store persisted under {@code dir}. Jobs that were still running when the emulator stopped are
     * marked FAILED: the emulator does not resume them. Data stores that were still being created are
     * ACTIVE: their creation had been accepted, and nothing else was left to do.
     */
    public static AhiStore persistent(Path dir, long now) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        AhiStore store = new AhiStore(BlobStore.onDisk(dir.resolve("blobs")), dir.resolve("state.json"));
        if (Files.exists(store.stateFile)) {
            try {
                State state = Json.MAPPER.readValue(store.stateFile.toFile(), State.class);
                state.datastores().forEach(d -> store.datastores.put(d.id(),
                        d.status().equals(Datastore.CREATING) ? d.withStatus(Datastore.ACTIVE, now) : d));
                state.imageSets().forEach(i -> store.imageSets.put(i.id(), i));
                for (ImportJob job : state.jobs()) {
                    store.jobs.put(job.id(), job.running()
                            ? job.withStatus(ImportJob.FAILED, now, "The emulator stopped while the job was running")
                            : job);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + store.stateFile, e);
            }
        }
        return store;
    }

    // ---- data stores ---------------------------------------------------------------------------

    public synchronized void put(Datastore datastore) {
        datastores.put(datastore.id(), datastore);
        save();
    }

    /** The data store, or ResourceNotFoundException (also when it was deleted). */
    public synchronized Datastore datastore(String id) {
        Datastore datastore = datastores.get(id);
        if (datastore == null || datastore.status().equals("DELETED")) {
            throw AhiError.notFound("Datastore " + id + " does not exist");
        }
        return datastore;
    }

    public synchronized List<Datastore> datastores() {
        return new ArrayList<>(datastores.values());
    }

    // ---- import jobs ---------------------------------------------------------------------------

    public synchronized void put(ImportJob job) {
        jobs.put(job.id(), job);
        save();
    }

    public synchronized ImportJob job(String datastoreId, String jobId) {
        ImportJob job = jobs.get(jobId);
        if (job == null || !job.datastoreId().equals(datastoreId)) {
            throw AhiError.notFound("Import job " + jobId + " does not exist in datastore " + datastoreId);
        }
        return job;
    }

    public synchronized List<ImportJob> jobs(String datastoreId) {
        return jobs.values().stream().filter(j -> j.datastoreId().equals(datastoreId))
                .sorted(Comparator.comparingLong(ImportJob::submittedAt).reversed()).toList();
    }

    public synchronized Optional<ImportJob> jobByClientToken(String datastoreId, String clientToken) {
        return jobs.values().stream()
                .filter(j -> j.datastoreId().equals(datastoreId) && clientToken.equals(j.clientToken())).findFirst();
    }

    // ---- image sets ----------------------------------------------------------------------------

    public synchronized void put(ImageSet imageSet) {
        imageSets.put(imageSet.id(), imageSet);
        save();
    }

    /** The image set of that data store (deleted ones too), or ResourceNotFoundException. */
    public synchronized ImageSet imageSet(String datastoreId, String imageSetId) {
        ImageSet imageSet = imageSets.get(imageSetId);
        if (imageSet == null || !imageSet.datastoreId().equals(datastoreId)) {
            throw AhiError.notFound("Image set " + imageSetId + " does not exist in datastore " + datastoreId);
        }
        return imageSet;
    }

    /** Every image set of a data store that is not deleted. */
    public synchronized List<ImageSet> imageSets(String datastoreId) {
        return imageSets.values().stream().filter(i -> i.datastoreId().equals(datastoreId) && !i.deleted()).toList();
    }

    // ---- blobs ---------------------------------------------------------------------------------

    public void putFrame(String frameId, byte[] bytes) {
        blobs.put("frames/" + frameId, bytes);
    }

    public byte[] frame(String frameId) {
        return blobs.get("frames/" + frameId);
    }

    /** Removes a frame stored for an instance that was then rejected. */
    public void deleteFrame(String frameId) {
        blobs.delete("frames/" + frameId);
    }

    /** Deletes the temporary folder of an in-memory store's spilled blobs; a data directory stays. */
    public void close() {
        blobs.close();
    }

    /** Stores a version's metadata document gzipped, as GetImageSetMetadata returns it. */
    public void putMetadata(String imageSetId, int version, JsonNode document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Json.bytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blobs.put("metadata/" + imageSetId + "/" + version + ".json.gz", bytes.toByteArray());
    }

    /** The gzipped metadata document of a version. */
    public byte[] metadataGzip(String imageSetId, int version) {
        byte[] bytes = blobs.get("metadata/" + imageSetId + "/" + version + ".json.gz");
        if (bytes == null) {
            throw AhiError.notFound("Metadata of image set " + imageSetId + " version " + version + " does not exist");
        }
        return bytes;
    }

    /** The metadata document of a version, parsed (a copy the caller may change). */
    public ObjectNode metadata(String imageSetId, int version) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(metadataGzip(imageSetId, version)))) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        try {
            Path temp = Files.createTempFile(stateFile.getParent(), "state", ".tmp");
            Json.MAPPER.writeValue(temp.toFile(), new State(new ArrayList<>(datastores.values()),
                    new ArrayList<>(jobs.values()), new ArrayList<>(imageSets.values())));
            Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }
}
