package org.ahibridge.emulator.ahi.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.dicom.json.AhiMetadataWriter;
import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetTags;
import org.ahibridge.emulator.ahi.store.ImageSets;

/**
 * Places a job's instances into image sets with AHI's primary semantics (docs/aws-healthimaging.md §7.1): instances
 * are grouped by study and series; a group whose conflict elements (StudyDate, AccessionNumber,
 * PatientID, StudyID, SeriesNumber) match the primary image set of its series joins it as a new
 * version (re-imported SOP instances replace theirs); one without a primary set becomes the primary
 * set unless it conflicts with a primary set of the same study; every other group becomes a
 * non-primary image set.
 */
final class ImageSetAssembler {

    /** The image set one input file went to. */
    record Placement(String imageSetId, boolean primary, int version) {
    }

    /** One image set the job created or changed, for the manifest and the events. */
    record Touched(String imageSetId, int version, boolean primary, int matchedInstances, boolean created) {
    }

    record Result(Map<String, Placement> byKey, List<Touched> imageSets) {
    }

    private ImageSetAssembler() {
    }

    static Result assemble(AhiStore store, String datastoreId, List<PendingInstance> instances, long now) {
        Map<List<String>, List<PendingInstance>> bySeries = new LinkedHashMap<>();
        for (PendingInstance instance : instances) {
            bySeries.computeIfAbsent(List.of(instance.studyUid(), instance.seriesUid()), k -> new ArrayList<>())
                    .add(instance);
        }
        Map<String, Placement> byKey = new LinkedHashMap<>();
        List<Touched> touched = new ArrayList<>();
        synchronized (store) {
            for (List<PendingInstance> series : bySeries.values()) {
                Map<List<String>, List<PendingInstance>> variants = new LinkedHashMap<>();
                series.forEach(i -> variants.computeIfAbsent(i.conflictKey(), k -> new ArrayList<>()).add(i));
                PendingInstance first = series.get(0);
                ImageSet primary = primaryOf(store, datastoreId, first.studyUid(), first.seriesUid());
                List<String> reference = primary != null ? key(primary.dicom()) : referenceFor(store, datastoreId,
                        first.studyUid(), new ArrayList<>(variants.keySet()));
                for (Map.Entry<List<String>, List<PendingInstance>> variant : variants.entrySet()) {
                    boolean isPrimary = variant.getKey().equals(reference);
                    Touched result;
                    if (isPrimary && primary != null) {
                        ObjectNode document = store.metadata(primary.id(), primary.latest().versionId());
                        variant.getValue().forEach(i -> AhiMetadataWriter.putInstance(document, i.fileMeta(),
                                i.dataset(), i.storedTransferSyntaxUid(), i.checksumType(), i.frames()));
                        ImageSet updated = ImageSets.addVersion(store, primary, document, "UPDATED", true, false, now);
                        result = new Touched(updated.id(), updated.latest().versionId(), true,
                                variant.getValue().size(), false);
                    } else {
                        String id = Ids.newId();
                        ObjectNode document = AhiMetadataWriter.newDocument(datastoreId, id);
                        variant.getValue().forEach(i -> AhiMetadataWriter.putInstance(document, i.fileMeta(),
                                i.dataset(), i.storedTransferSyntaxUid(), i.checksumType(), i.frames()));
                        ImageSets.create(store, datastoreId, id, document, isPrimary, "CREATED", now);
                        result = new Touched(id, 1, isPrimary, variant.getValue().size(), true);
                    }
                    touched.add(result);
                    for (PendingInstance i : variant.getValue()) {
                        byKey.put(i.key(), new Placement(result.imageSetId(), result.primary(), result.version()));
                    }
                }
            }
        }
        return new Result(byKey, touched);
    }

    /** Sends the image set events of what {@link #assemble} created or changed, as AHI does after an import. */
    static void announce(AhiContext context, String datastoreId, Result result) {
        for (Touched t : result.imageSets()) {
            context.events().imageSet(t.created() ? "Image Set Created" : "Image Set Updated", datastoreId,
                    t.imageSetId(), t.version(), t.primary(), "ACTIVE", t.created() ? "CREATED" : "UPDATED", null);
        }
    }

    private static ImageSet primaryOf(AhiStore store, String datastoreId, String studyUid, String seriesUid) {
        return store.imageSets(datastoreId).stream().filter(ImageSet::primary)
                .filter(i -> Objects.equals(i.dicom().studyInstanceUid(), studyUid)
                        && Objects.equals(i.dicom().seriesInstanceUid(), seriesUid))
                .findFirst().orElse(null);
    }

    /** The first variant that agrees on study level with the study's primary image sets, or null. */
    private static List<String> referenceFor(AhiStore store, String datastoreId, String studyUid,
            List<List<String>> variants) {
        ImageSet studyPrimary = store.imageSets(datastoreId).stream().filter(ImageSet::primary)
                .filter(i -> Objects.equals(i.dicom().studyInstanceUid(), studyUid)).findFirst().orElse(null);
        if (studyPrimary == null) {
            return variants.get(0);
        }
        List<String> study = key(studyPrimary.dicom()).subList(0, 4);
        return variants.stream().filter(v -> v.subList(0, 4).equals(study)).findFirst().orElse(null);
    }

    private static List<String> key(ImageSetTags tags) {
        return Arrays.asList(tags.studyDate(), tags.accessionNumber(), tags.patientId(), tags.studyId(),
                tags.seriesNumber() == null ? null : tags.seriesNumber().toString());
    }
}
