package org.ahibridge.emulator.dicomweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.json.AhiMetadataInstance;
import org.ahibridge.dicom.json.AhiMetadataReader;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.ahi.store.ImageSet;

/**
 * Finds studies, series and instances for the DICOMweb operations as AWS chooses them (docs/aws-healthimaging.md
 * §10, §7.1): from the primary image sets of the data store, unless the request names an image set with
 * {@code ?imageSetId=}, which may be non-primary. Always the image set's latest version. Parsed metadata
 * documents are cached by image set and version (versions never change), so a viewer's run of requests
 * parses each document once.
 */
final class InstanceLocator {

    private static final int CACHED_DOCUMENTS = 128;
    private final AhiStore store;
    private final Map<String, List<AhiMetadataInstance>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<AhiMetadataInstance>> eldest) {
            return size() > CACHED_DOCUMENTS;
        }
    };

    InstanceLocator(AhiStore store) {
        this.store = store;
    }

    /** The data store of the path; 400 for a malformed id, 404 when it does not exist. */
    Datastore datastore(String id) {
        Validate.required("datastoreId", id, Validate.ID);
        return store.datastore(id);
    }

    /** One instance; 404 with the reason when it is not there. */
    LocatedInstance instance(String datastoreId, String studyUid, String seriesUid, String sopUid, String imageSetId) {
        for (ImageSet imageSet : candidates(datastoreId, studyUid, imageSetId)) {
            for (LocatedInstance instance : instancesOf(imageSet)) {
                if (instance.sopUid().equals(sopUid) && instance.seriesUid().equals(seriesUid)
                        && instance.studyUid().equals(studyUid)) {
                    return instance;
                }
            }
        }
        throw AhiError.notFound("Instance " + sopUid + " of series " + seriesUid + " in study " + studyUid
                + " is not in " + where(datastoreId, imageSetId));
    }

    /** The instances of a series, in Instance Number order; 404 when there are none. */
    List<LocatedInstance> series(String datastoreId, String studyUid, String seriesUid, String imageSetId) {
        for (ImageSet imageSet : candidates(datastoreId, studyUid, imageSetId)) {
            List<LocatedInstance> found = instancesOf(imageSet).stream()
                    .filter(i -> i.seriesUid().equals(seriesUid) && i.studyUid().equals(studyUid))
                    .sorted(Comparator.comparingLong(LocatedInstance::instanceNumber)
                            .thenComparing(LocatedInstance::sopUid)).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        throw AhiError.notFound("Series " + seriesUid + " of study " + studyUid + " is not in "
                + where(datastoreId, imageSetId));
    }

    /** Every instance of the data store's primary image sets, the most recently updated image set first. */
    List<LocatedInstance> primaryInstances(String datastoreId) {
        datastore(datastoreId);
        List<LocatedInstance> all = new ArrayList<>();
        List<ImageSet> primary = store.imageSets(datastoreId).stream().filter(ImageSet::primary).toList();
        for (ImageSet imageSet : newestFirst(primary)) {
            all.addAll(instancesOf(imageSet));
        }
        return all;
    }

    /** The image sets to look in: the one named, or the primary ones that hold the study, newest first. */
    private List<ImageSet> candidates(String datastoreId, String studyUid, String imageSetId) {
        datastore(datastoreId);
        if (imageSetId != null) {
            Validate.required("imageSetId", imageSetId, Validate.ID);
            ImageSet imageSet = store.imageSet(datastoreId, imageSetId);
            if (imageSet.deleted()) {
                throw AhiError.notFound("Image set " + imageSetId + " does not exist");
            }
            return List.of(imageSet);
        }
        return newestFirst(store.imageSets(datastoreId).stream().filter(ImageSet::primary)
                .filter(i -> Objects.equals(i.dicom().studyInstanceUid(), studyUid)).toList());
    }

    private static List<ImageSet> newestFirst(List<ImageSet> imageSets) {
        return imageSets.stream().sorted(Comparator.comparingLong((ImageSet i) -> i.latest().updatedAt()).reversed()
                .thenComparing(ImageSet::id)).toList();
    }

    private static String where(String datastoreId, String imageSetId) {
        return imageSetId != null ? "image set " + imageSetId
                : "a primary image set of data store " + datastoreId + " (name a non-primary one with ?imageSetId=)";
    }

    /** The instances of an image set's latest version. */
    List<LocatedInstance> instancesOf(ImageSet imageSet) {
        int version = imageSet.latest().versionId();
        String key = imageSet.id() + "/" + version;
        List<AhiMetadataInstance> instances;
        synchronized (cache) {
            instances = cache.get(key);
        }
        if (instances == null) {
            Datastore datastore = store.datastore(imageSet.datastoreId());
            // No StoredTransferSyntaxUID means the data store's storage format (docs/aws-healthimaging.md §4.2).
            String storageFormat = LosslessFormat.ofDatastore(datastore.losslessStorageFormat()).transferSyntaxUid();
            instances = AhiMetadataReader.instances(store.metadata(imageSet.id(), version), storageFormat);
            synchronized (cache) {
                cache.put(key, instances);
            }
        }
        return instances.stream().map(i -> new LocatedInstance(imageSet, i)).toList();
    }
}
